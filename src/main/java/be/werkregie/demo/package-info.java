/** Deterministic generator of a believable synthetic data set (seed, scale); nothing depends on it. */
package be.werkregie.demo;
