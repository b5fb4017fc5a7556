set terminal pngcairo size 800,600 font ',11'
set output 'heatmap-1-3.png'
set datafile separator ','
set datafile columnheaders
set termoption noenhanced
set title 'calibration discrepancy: rms z over the paper''s numbers (lowest over the other parameters)'
set xlabel 'random.size_law'
set ylabel 'random.neurons'
set xtics ('uniform' 0, 'nested' 1)
set ytics ('32' 0, '64' 1)
set xrange [-0.5:2-0.5]
set yrange [-0.5:2-0.5]
set cblabel 'rms z (0: the paper; 1.96: the edge of its 95% interval)'
set palette defined (0 '#1a9850', 1.96 '#fee08b', 6 '#d73027')
set cbrange [0:6]
plot 'heatmap-1-3.csv' using 1:2:(0.5):(0.5):5 with boxxyerror fs solid 1.0 noborder lc palette notitle, '' using 1:2:(sprintf('%.2f', $5)) with labels notitle
