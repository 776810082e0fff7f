-- Published read view of the geo module: municipalities with names, province, reference region, population, centroid.
create view geo_v_municipality as
select nis, name_nl, name_fr, province_code, reference_region_id, population, lat, lon from municipality;
comment on view geo_v_municipality is 'Published read view of the geo module (nis, name_nl, name_fr, province_code, reference_region_id, population, lat, lon)';
