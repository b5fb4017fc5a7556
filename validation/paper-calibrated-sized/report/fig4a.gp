if (exists('svg')) {
  set terminal svg size 1300,550 font 'Sans,11' dynamic background '#ffffff'
  set output 'fig4a.svg'
} else {
  set terminal pngcairo size 1300,550 font 'Sans,11'
  set output 'fig4a.png'
}
set datafile separator ','
set datafile columnheaders
set multiplot layout 1,2 title 'Fig. 4A: per-synapse information I/n against ensemble size (set 3, 20000 samples, invalid ones substituted)'
set grid
set xlabel 'ensemble size n'
set key top left
set ylabel 'mean of I/n (bits)'
fm(x) = 0.128302024035 + 0.000587787637422*x
plot 'fig4_per_n.csv' using 1:3:($4/sqrt($2)) with yerrorbars pt 7 lc rgb '#4477aa' title 'mean +- standard error', fm(x) with lines lc rgb '#cc3311' title 'regression: r = 0.38'
set ylabel 'sd of I/n (bits)'
fs(x) = 0.260836198029 + -0.000661781976501*x
plot 'fig4_per_n.csv' using 1:4 with points pt 7 lc rgb '#4477aa' title 'sd', fs(x) with lines lc rgb '#cc3311' title 'regression: r = -0.2'
unset multiplot
