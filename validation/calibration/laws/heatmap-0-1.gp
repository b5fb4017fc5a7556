set terminal pngcairo size 800,600 font ',11'
set output 'heatmap-0-1.png'
set datafile separator ','
set datafile columnheaders
set termoption noenhanced
set title 'calibration discrepancy: rms z over the paper''s numbers (lowest over the other parameters)'
set xlabel 'random.membership'
set ylabel 'random.size_law'
set xtics ('random_pairs' 0, 'subset_pairs' 1, 'all_pairs_of_subset' 2, 'connected' 3)
set ytics ('uniform' 0, 'nested' 1)
set xrange [-0.5:4-0.5]
set yrange [-0.5:2-0.5]
set cblabel 'rms z (0: the paper; 1.96: the edge of its 95% interval)'
set palette defined (0 '#1a9850', 1.96 '#fee08b', 6 '#d73027')
set cbrange [0:6]
plot 'heatmap-0-1.csv' using 1:2:(0.5):(0.5):5 with boxxyerror fs solid 1.0 noborder lc palette notitle, '' using 1:2:(sprintf('%.2f', $5)) with labels notitle
