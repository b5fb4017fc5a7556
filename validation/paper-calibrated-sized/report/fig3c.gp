if (exists('svg')) {
  set terminal svg size 900,650 font 'Sans,11' dynamic background '#ffffff'
  set output 'fig3c.svg'
} else {
  set terminal pngcairo size 900,650 font 'Sans,11'
  set output 'fig3c.png'
}
set datafile separator ','
set datafile columnheaders
set title 'Fig. 3C: set 2, log-log regression: slope 1.18 [1.08, 1.27], r = 0.6, p = 2.3e-98'
set xlabel 'ensemble size n'
set ylabel 'I(W_E; x^k) (bits)'
set logscale xy
set grid
set key bottom left
set xrange [0.9:22]
f(x) = 10**(-1.41878979748) * x**(1.17550784469)
plot 'set2_samples.csv' using 3:((strcol(13) eq 'ok' && $15>0) ? $15 : NaN) with points pt 7 ps 0.4 lc rgb '#4477aa' title 'closed form', \
     'set2_samples.csv' using 3:((strcol(13) ne 'ok' && $17>0) ? $17 : NaN) with points pt 9 ps 0.9 lc rgb '#ee7733' title 'invalid: substituted (nearest valid sample)', \
     'truth_scatter.csv' using 4:((strcol(1) eq 'set2' && $8==1 && $5>0) ? $5 : NaN):6 with yerrorbars pt 6 ps 1 lc rgb 'black' title 'ground truth (reliable)', \
     f(x) with lines lw 2 lc rgb '#cc3311' title 'regression (closed form, substituted)'
