package io.roadmapcoach.core.schedule;

/** Keeps each channel's weekly quiz trigger in step with its quiz day, time and time zone. */
public interface QuizSchedule {

  /** The channel's quiz slot or time zone changed (or it is new): reschedule its trigger. */
  void channelChanged(long channelId);

  /** For runs without a scheduler (some tests). */
  QuizSchedule NONE = channelId -> {};
}
