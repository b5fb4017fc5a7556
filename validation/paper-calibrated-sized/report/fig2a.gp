if (exists('svg')) {
  set terminal svg size 1050,650 font 'Sans,11' dynamic background '#ffffff'
  set output 'fig2a.svg'
} else {
  set terminal pngcairo size 1050,650 font 'Sans,11'
  set output 'fig2a.png'
}
set datafile separator ','
set datafile columnheaders
set title 'Fig. 2A: single synapse information about pattern k, one curve per P, rho = 0.5'
set xlabel 'sigma^2 (log-domain variance)'
set ylabel 'I(W_E; x^k) (bits)'
set logscale y
set logscale x
set key outside right top font ',9' spacing 0.9
set grid
set xrange [0.04:5]
plot 'fig2a.csv' using 4:(($2==2 && $7>0) ? $7 : NaN) with linespoints lc 1 pt 7 ps 0.5 title 'P = 2', \
     'fig2a.csv' using 4:(($2==3 && $7>0) ? $7 : NaN) with linespoints lc 2 pt 7 ps 0.5 title 'P = 3', \
     'fig2a.csv' using 4:(($2==5 && $7>0) ? $7 : NaN) with linespoints lc 3 pt 7 ps 0.5 title 'P = 5', \
     'fig2a.csv' using 4:(($2==10 && $7>0) ? $7 : NaN) with linespoints lc 4 pt 7 ps 0.5 title 'P = 10', \
     'fig2a.csv' using 4:(($2==20 && $7>0) ? $7 : NaN) with linespoints lc 5 pt 7 ps 0.5 title 'P = 20', \
     'fig2a.csv' using 4:(($2==30 && $7>0) ? $7 : NaN) with linespoints lc 6 pt 7 ps 0.5 title 'P = 30', \
     'fig2a.csv' using 4:(($8==1 && $10>0) ? $10 : NaN) with points pt 2 ps 2 lc rgb 'red' title 'first non-PD (repaired I)', \
     'fig2a_truth.csv' using 4:(($8==1 && $5>0) ? $5 : NaN):6 with yerrorbars pt 6 ps 1.2 lc rgb 'black' title 'ground truth (reliable)', \
     'fig2a_truth.csv' using 4:(($8==0 && $5>0) ? $5 : NaN):6 with yerrorbars pt 4 ps 1.2 lc rgb 'gray50' title 'ground truth (unreliable)'
