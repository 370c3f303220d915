/* The queries that run on every screen, list or command, in one list: the
 * query-plan test (test/unit/test_query_plan.c) explains each one and fails
 * on a full scan of a table that grows with use. */
#include "internal.h"

static const store_sql hot[] = {
	{ "plan", store_sql_plan },
	{ "tasks", store_sql_tasks_plan },
	{ "tasks_area", store_sql_tasks_area },
	{ "tasks_agency", store_sql_tasks_agency },
	{ "tasks_area_agency", store_sql_tasks_area_agency },
	{ "agencies", store_sql_agencies },
	{ "agency_find", store_sql_agency_find },
	{ "areas", store_sql_areas },
	{ "task_nums", store_sql_nums_plan },
	{ "task_nums_area", store_sql_nums_area },
	{ "task_nums_agency", store_sql_nums_agency },
	{ "task_nums_area_agency", store_sql_nums_area_agency },
	{ "agency_tasks", store_sql_agency_tasks },
	{ "agency_names", store_sql_agency_names },
	{ "search", store_sql_search },
	{ "search_short", store_sql_search_short },
	{ "details_tasks", store_sql_details_tasks },
	{ "details_indicators", store_sql_details_indicators },
	{ "details_report_heads", store_sql_details_report_heads },
	{ "details_report_texts", store_sql_details_report_texts },
	{ "details_values", store_sql_details_values },
	{ "details_notes", store_sql_details_notes },
	{ "audit_next", store_sql_audit_next },
	{ "report_json", store_sql_report_json },
	{ "find_report", store_sql_find_report },
	{ "report_update", store_sql_report_update },
	{ "report_insert", store_sql_report_insert },
	{ "value_upsert", store_sql_value_upsert },
	{ "task_object", store_sql_task_object },
	{ "audit_head", store_sql_audit_head },
	{ "report_steps", store_sql_report_steps },
	{ "audit_of", store_sql_audit_of },
	{ "audit_last", store_sql_audit_last },
	{ "task_object_prefix", store_sql_task_object_prefix },
	{ "changes_after", store_sql_changes_after },
};

const store_sql *store_hot_sql(int *n)
{
	*n = (int)(sizeof hot / sizeof hot[0]);
	return hot;
}
