package dev.followthrough.triggers;

/** One part of a priority score: its name, the points it added, and why (shown in the console). */
public record PriorityFactor(String name, int points, String why) {}
