set terminal pngcairo size 800,600 font ',11'
set output 'heatmap-2-3.png'
set datafile separator ','
set datafile columnheaders
set termoption noenhanced
set title 'calibration discrepancy: rms z over the paper''s numbers (lowest over the other parameters)'
set xlabel 'random.bb_scale'
set ylabel 'random.factor_high'
set xtics ('0.002' 0, '0.00794' 1, '0.0316' 2, '0.126' 3, '0.501' 4)
set ytics ('0.158' 0, '0.398' 1, '1' 2, '2.51' 3, '6.31' 4)
set xrange [-0.5:5-0.5]
set yrange [-0.5:5-0.5]
set cblabel 'rms z (0: the paper; 1.96: the edge of its 95% interval)'
set palette defined (0 '#1a9850', 1.96 '#fee08b', 6 '#d73027')
set cbrange [0:6]
plot 'heatmap-2-3.csv' using 1:2:(0.5):(0.5):5 with boxxyerror fs solid 1.0 noborder lc palette notitle, '' using 1:2:(sprintf('%.2f', $5)) with labels notitle
