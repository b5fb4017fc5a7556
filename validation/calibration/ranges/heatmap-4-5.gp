set terminal pngcairo size 800,600 font ',11'
set output 'heatmap-4-5.png'
set datafile separator ','
set datafile columnheaders
set termoption noenhanced
set title 'calibration discrepancy: rms z over the paper''s numbers (lowest over the other parameters)'
set xlabel 'random.eigen_sd'
set ylabel 'random.neurons'
set xtics ('0.141' 0, '0.277' 1, '0.548' 2, '1.08' 3, '2.14' 4)
set ytics ('19.7' 0, '29.9' 1, '45.3' 2, '68.6' 3, '104' 4)
set xrange [-0.5:5-0.5]
set yrange [-0.5:5-0.5]
set cblabel 'rms z (0: the paper; 1.96: the edge of its 95% interval)'
set palette defined (0 '#1a9850', 1.96 '#fee08b', 6 '#d73027')
set cbrange [0:6]
plot 'heatmap-4-5.csv' using 1:2:(0.5):(0.5):5 with boxxyerror fs solid 1.0 noborder lc palette notitle, '' using 1:2:(sprintf('%.2f', $5)) with labels notitle
