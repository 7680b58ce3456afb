/**
 * Pure NPS math, no state, publishes nothing.
 *
 * <p>Owns the arithmetic every other module needs to talk about a Net Promoter Score: how a 0..10 score maps to a
 * {@link dev.followthrough.nps.Category}, the score of a set of counts ({@link dev.followthrough.nps.NpsCounts}), its
 * uncertainty (Wald and Rocks' adjusted-Wald intervals), the change between two periods
 * ({@link dev.followthrough.nps.NpsChange}) and how many respondents a given precision costs
 * ({@link dev.followthrough.nps.SampleSize}). {@link dev.followthrough.nps.NpsSummary} is the points-scale view that
 * dashboards and APIs render.
 *
 * <p>Nothing here stores, schedules, listens or publishes: callers bring counts, get values back. The package depends
 * on the JDK only, so it can be tested in milliseconds and reused from any module; an ArchUnit test keeps it that way.
 *
 * <p>Scales: {@link dev.followthrough.nps.NpsCounts} speaks fractions (-1..+1) because that is what the formulas in
 * the literature use; {@link dev.followthrough.nps.NpsSummary} and {@link dev.followthrough.nps.NpsChange} speak
 * points (-100..+100) because that is what people read. An empty sample yields {@code NaN}, never an exception, so
 * a quiet week renders as "no data" instead of failing a page.
 */
package dev.followthrough.nps;
