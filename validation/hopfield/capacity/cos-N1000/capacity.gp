if (exists('svg')) {
  set terminal svg size 900,600 font 'Sans,11' dynamic background '#ffffff'
  set output 'capacity.svg'
} else {
  set terminal pngcairo size 900,600 font 'Sans,11'
  set output 'capacity.png'
}
set datafile separator ','
set key off
set xlabel 'load alpha = M / N'
set ylabel 'accuracy (a_cos)' noenhanced
set yrange [-0.02:1.05]
set title 'Hebbian capacity, N = 1000: alpha_c = 0.135' noenhanced
set arrow from 0.135000,0 to 0.135000,1.05 nohead dt 2
plot 'capacity.csv' every ::1 using 1:4 with points pt 7 ps 0.5
