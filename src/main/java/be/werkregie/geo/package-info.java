/** Reference geography: provinces, municipalities (NIS codes), postcodes, reference regions, distance. */
package be.werkregie.geo;
