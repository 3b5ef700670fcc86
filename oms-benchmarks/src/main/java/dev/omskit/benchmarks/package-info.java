/**
 * JMH benchmarks of the scenarios in {@code docs/PERFORMANCE.md}. Each benchmark class measures omskit and
 * a limit baseline in the same run on the same input, checks its invariants after every iteration (a fast
 * run that broke one fails), and holds in its Javadoc the commands that run it; {@link
 * dev.omskit.benchmarks.RatioReport} turns a run into figures, ratios and goals in {@code results/}. Never
 * part of the library.
 */
package dev.omskit.benchmarks;
