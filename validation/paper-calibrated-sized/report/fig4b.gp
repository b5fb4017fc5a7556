if (exists('svg')) {
  set terminal svg size 900,650 font 'Sans,11' dynamic background '#ffffff'
  set output 'fig4b.svg'
} else {
  set terminal pngcairo size 900,650 font 'Sans,11'
  set output 'fig4b.png'
}
set datafile separator ','
set datafile columnheaders
set title 'Fig. 4B: distribution of I/n per ensemble size (set 3, invalid samples substituted)'
set xlabel 'I(W_E; x^k) / n (bits per synapse)'
set ylabel 'density'
set grid
set key top right
plot 'fig4_histograms.csv' using (($1==1) ? ($2+$3)/2 : NaN):5 with steps lw 2 lc 1 title 'n = 1', 'fig4_histograms.csv' using (($1==5) ? ($2+$3)/2 : NaN):5 with steps lw 2 lc 2 title 'n = 5', 'fig4_histograms.csv' using (($1==10) ? ($2+$3)/2 : NaN):5 with steps lw 2 lc 3 title 'n = 10', 'fig4_histograms.csv' using (($1==15) ? ($2+$3)/2 : NaN):5 with steps lw 2 lc 4 title 'n = 15', 'fig4_histograms.csv' using (($1==20) ? ($2+$3)/2 : NaN):5 with steps lw 2 lc 5 title 'n = 20'
