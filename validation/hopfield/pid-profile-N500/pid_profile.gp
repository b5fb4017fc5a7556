if (exists('svg')) {
  set terminal svg size 900,600 font 'Sans,11' dynamic background '#ffffff'
  set output 'pid_profile.svg'
} else {
  set terminal pngcairo size 900,600 font 'Sans,11'
  set output 'pid_profile.png'
}
set datafile separator ','
set key outside below horizontal noenhanced
set xlabel 'load alpha = M / N'
set ylabel 'bits (accuracy: fraction recalled)'
set yrange [*:1.05]
set title 'PID profile of Hebbian neurons, N = 500, median of 20 networks' noenhanced
plot 'pid_profile.csv' every ::1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'redundancy', 'pid_profile.csv' every ::1 using 1:5 with linespoints lw 2 pt 7 ps 0.5 title 'unique_target', 'pid_profile.csv' every ::1 using 1:8 with linespoints lw 2 pt 7 ps 0.5 title 'unique_recurrent', 'pid_profile.csv' every ::1 using 1:11 with linespoints lw 2 pt 7 ps 0.5 title 'synergy', 'pid_profile.csv' every ::1 using 1:14 with linespoints lw 2 pt 7 ps 0.5 title 'residual', 'pid_profile.csv' every ::1 using 1:20 with lines lw 2 dt 2 lc rgb 'black' title 'accuracy'
