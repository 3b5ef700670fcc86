/**
 * What users of omskit put in their own tests: a {@link dev.omskit.testkit.ManualClock}, {@link
 * dev.omskit.testkit.SequentialIds}, {@link dev.omskit.testkit.OrderFixtures}, AssertJ assertions ({@link
 * dev.omskit.testkit.OmsAssertions}), in-memory storage and conformance kits for storage vendors.
 */
package dev.omskit.testkit;
