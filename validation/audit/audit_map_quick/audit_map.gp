# Relative error of I_FW against the true information, in percent: one panel per (P, n).
# Data: audit_map.dat (written by syninfo audit-map). Re-draw: gnuplot audit_map.gp
if (exists('svg')) {
  set terminal svg size 1110,690 font 'Sans,9' dynamic background '#ffffff'
  set output 'audit_map.svg'
} else {
  set terminal pngcairo size 1110,690 font 'Sans,9'
  set output 'audit_map.png'
}
set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')
set cbrange [-156.988:156.988]
set cblabel '(I_{FW} - I_{true}) / I_{true}  [%]'
set xrange [-0.5:3.5]
set yrange [-0.5:3.5]
set xtics ('0.1' 0, '0.5' 1, '1' 2, '2' 3)
set ytics ('0' 0, '0.3' 1, '0.6' 2, '0.9' 3)
set xlabel 'sigma^2'
set ylabel 'rho'
set key off
set tics scale 0
set multiplot layout 2,3 title 'Fenton-Wilkinson relative MI error (set 1, N = 4, k = 0); x: K or K'' not positive definite; grey: no relative error (I_{true} near 0, or only a lower bound); ?: I_{true} not reliable (no verdict)'
set title 'P = 2, n = 1'
plot 'audit_map.dat' index 0 using 1:2:(0.5):(0.5):($4 == 0 ? $3 : 1/0) with boxxyerror fs solid 1.0 noborder lc palette, \
     'audit_map.dat' index 0 using 1:2:($4 == 0 ? sprintf('%.1f%s', $3, $5 == 1 ? '?' : '') : '') with labels font 'Sans,7'
set title 'P = 2, n = 2'
plot 'audit_map.dat' index 1 using 1:2:(0.5):(0.5):($4 == 0 ? $3 : 1/0) with boxxyerror fs solid 1.0 noborder lc palette, \
     'audit_map.dat' index 1 using 1:2:($4 == 0 ? sprintf('%.1f%s', $3, $5 == 1 ? '?' : '') : '') with labels font 'Sans,7'
set title 'P = 2, n = 5'
plot 'audit_map.dat' index 2 using 1:($4 == 1 ? $2 : 1/0) with points pt 2 ps 2.5 lw 2 lc rgb 'black'
set title 'P = 10, n = 1'
plot 'audit_map.dat' index 3 using 1:2:(0.5):(0.5):($4 == 0 ? $3 : 1/0) with boxxyerror fs solid 1.0 noborder lc palette, \
     'audit_map.dat' index 3 using 1:2:($4 == 0 ? sprintf('%.1f%s', $3, $5 == 1 ? '?' : '') : '') with labels font 'Sans,7'
set title 'P = 10, n = 2'
plot 'audit_map.dat' index 4 using 1:2:(0.5):(0.5):($4 == 0 ? $3 : 1/0) with boxxyerror fs solid 1.0 noborder lc palette, \
     'audit_map.dat' index 4 using 1:2:($4 == 0 ? sprintf('%.1f%s', $3, $5 == 1 ? '?' : '') : '') with labels font 'Sans,7', \
     'audit_map.dat' index 4 using 1:2:(0.5):($4 == 2 ? 0.5 : 1/0) with boxxyerror fs solid 1.0 noborder lc rgb '#bbbbbb'
set title 'P = 10, n = 5'
plot 'audit_map.dat' index 5 using 1:2:(0.5):(0.5):($4 == 0 ? $3 : 1/0) with boxxyerror fs solid 1.0 noborder lc palette, \
     'audit_map.dat' index 5 using 1:2:($4 == 0 ? sprintf('%.1f%s', $3, $5 == 1 ? '?' : '') : '') with labels font 'Sans,7', \
     'audit_map.dat' index 5 using 1:2:(0.5):($4 == 2 ? 0.5 : 1/0) with boxxyerror fs solid 1.0 noborder lc rgb '#bbbbbb', \
     'audit_map.dat' index 5 using 1:($4 == 1 ? $2 : 1/0) with points pt 2 ps 2.5 lw 2 lc rgb 'black'
unset multiplot
