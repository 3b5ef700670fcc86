/**
 * JSON for the omskit values the PostgreSQL stores keep ({@link dev.omskit.jdbc.json.Codec}): records,
 * Immutables values, sealed event hierarchies and open supertypes, written by reflection over the core
 * types (which carry no Jackson annotations) through Jackson's tree model, deterministic, and read back
 * through the types' own constructors and builders so that every stored value is validated again. Errors
 * name the JSON path and the Java type, never a stored value.
 */
package dev.omskit.jdbc.json;
