#!/usr/bin/env python3
"""bench/make_actors.py N OUTDIR: a generated actor dictionary of N entries
(synthetic names that occur in no news), to measure how matching scales."""
import os
import sys

n = int(sys.argv[1])
os.makedirs(sys.argv[2], exist_ok=True)
syll = ["ka", "ro", "mi", "tel", "zan", "bu", "dar", "shi", "lo", "ven", "qua", "gor"]
with open(os.path.join(sys.argv[2], "actors.txt"), "w") as f:
    f.write("# generated for the benchmark: synthetic names\n")
    for i in range(n):
        a = syll[i % 12] + syll[(i // 12) % 12] + syll[(i // 144) % 12] + str(i)
        f.write("%s Brigade | BENCH%05d | armed nonstate rebel | SY\n" % (a.capitalize(), i))
        f.write("    %s Front; %s fighters; %s Movement; %s Army\n" % (a.capitalize(), a, a.capitalize(), a.capitalize()))
