/*
 * What the PBS panels claim beyond their numbers, in one place.
 */

/** Why the closed form overstates how often a real store's read misses. */
export const PBS_CLOSED_FORM_VS_REAL =
  'Dynamo-style stores (and this lab) send every write to all N replicas and only wait for W, so by the time a read arrives more of them usually have it: the measured rate above is usually much lower, and it falls with time since the write.';

/**
 * How the PBS authors found their 99.9% waits, with where that can be read: their
 * published scripts (the repository pbs-vldb-historical-paper-material, file
 * sim-graphs/graphsmallps.py, which runs nrw_solver's Simulator in SWEEP mode with 50,000
 * iterations and takes the first t whose estimate reaches 1 − 0.001), and the caption of
 * the paper's latency table ("99.9% probability of consistency for 50,000 reads and writes").
 */
export const PBS_AUTHORS_ESTIMATE =
  'How theirs was found: the authors’ published simulation scripts (sim-graphs/graphsmallps.py in their pbs-vldb-historical-paper-material repository) sweep t and take the first t at which a fresh 50,000-trial estimate reaches 99.9%, which comes a little early on long tails; we read the 99.9% point off all the trials at once.';
