package dev.followthrough.interviews;

/**
 * One guide on one channel over a period: invited → opened → started → completed (and stopped), the mean
 * depth of completed interviews and their median duration from the first answer to the end.
 */
public record InterviewFunnel(String guide, String channel, long invited, long opened, long started, long completed,
                              long stopped, Double meanDepth, Double medianDurationSeconds) {}
