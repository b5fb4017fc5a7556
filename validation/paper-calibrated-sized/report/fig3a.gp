if (exists('svg')) {
  set terminal svg size 1050,650 font 'Sans,11' dynamic background '#ffffff'
  set output 'fig3a.svg'
} else {
  set terminal pngcairo size 1050,650 font 'Sans,11'
  set output 'fig3a.png'
}
set datafile separator ','
set datafile columnheaders
set title 'Fig. 3A: ensemble information about pattern k, P = 10, rho = 0.5'
set xlabel 'sigma^2 (log-domain variance)'
set ylabel 'I(W_E; x^k) (bits)'
set logscale y
set logscale x
set key outside right top font ',9' spacing 0.9
set grid
set xrange [0.04:5]
plot 'fig3a.csv' using 4:(($2==1 && $7>0) ? $7 : NaN) with linespoints lc 1 pt 7 ps 0.5 title 'n = 1', \
     'fig3a.csv' using 4:(($2==2 && $7>0) ? $7 : NaN) with linespoints lc 2 pt 7 ps 0.5 title 'n = 2', \
     'fig3a.csv' using 4:(($2==3 && $7>0) ? $7 : NaN) with linespoints lc 3 pt 7 ps 0.5 title 'n = 3', \
     'fig3a.csv' using 4:(($2==4 && $7>0) ? $7 : NaN) with linespoints lc 4 pt 7 ps 0.5 title 'n = 4', \
     'fig3a.csv' using 4:(($2==5 && $7>0) ? $7 : NaN) with linespoints lc 5 pt 7 ps 0.5 title 'n = 5', \
     'fig3a.csv' using 4:(($2==6 && $7>0) ? $7 : NaN) with linespoints lc 6 pt 7 ps 0.5 title 'n = 6', \
     'fig3a.csv' using 4:(($2==8 && $7>0) ? $7 : NaN) with linespoints lc 7 pt 7 ps 0.5 title 'n = 8', \
     'fig3a.csv' using 4:(($2==10 && $7>0) ? $7 : NaN) with linespoints lc 8 pt 7 ps 0.5 title 'n = 10', \
     'fig3a.csv' using 4:(($8==1 && $10>0) ? $10 : NaN) with points pt 2 ps 2 lc rgb 'red' title 'first non-PD (repaired I)', \
     'fig3a_truth.csv' using 4:(($8==1 && $5>0) ? $5 : NaN):6 with yerrorbars pt 6 ps 1.2 lc rgb 'black' title 'ground truth (reliable)', \
     'fig3a_truth.csv' using 4:(($8==0 && $5>0) ? $5 : NaN):6 with yerrorbars pt 4 ps 1.2 lc rgb 'gray50' title 'ground truth (unreliable)'
