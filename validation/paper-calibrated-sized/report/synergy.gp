if (exists('svg')) {
  set terminal svg size 1300,550 font 'Sans,11' dynamic background '#ffffff'
  set output 'synergy.svg'
} else {
  set terminal pngcairo size 1300,550 font 'Sans,11'
  set output 'synergy.png'
}
set datafile separator ','
set datafile columnheaders
set multiplot layout 1,2 title 'Synergy and closed-form error against ground truth (set 3 law)'
set grid
set offsets 0.6, 0.6, 0, 0
set xlabel 'ensemble size n'
set key top left
set ylabel 'I(W_E) - sum_a I(W_a) (bits)'
plot 'synergy.csv' using ($2-0.1):11:12 with yerrorbars pt 7 lc rgb 'black' title 'ground truth (reliable)', \
     'synergy.csv' using ($2+0.1):16 with points pt 6 lc rgb '#cc3311' title 'closed form', 0 with lines lc rgb 'gray' notitle
set ylabel 'I_{FW} - I_{true} (bits)'
plot 'synergy.csv' using 2:(($7==1) ? $14-$4 : NaN):5 with yerrorbars pt 7 lc rgb '#4477aa' title 'closed form minus truth (reliable)', 0 with lines lc rgb 'gray' notitle
unset multiplot
