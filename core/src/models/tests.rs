//! Tests of the models against the guide's own examples (trailing commas and broken
//! nesting of the PDF conversion fixed) and the spellings real servers use.

use super::*;
use serde_json::{json, Value};
use std::time::Duration;

fn read<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

// ---- the guide's examples ----

#[test]
fn guide_get_server_details_example() {
    let r: ServerDetailsResponse = read(
        r#"{
  "serverDetails":{
    "$type": "ReplicateServerDetails",
    "name":"myrepsrv1",
    "description":"My daily replication tasks",
    "configuration":{
      "host":"computer.network.net",
      "platform":"WINDOWS",
      "port":"443",
      "username":"Administrator"
    },
    "state":"MONITORED",
    "message": "",
    "version": "5.2.0.156",
    "license":{
      "issue_date":"2016-12-31",
      "state":"LICENSE_VALID",
      "expiration":"2017-12-31",
      "days_to_expiration":"30"
    },
    "last_connection":"2016-12-18T02:23:30",
    "task_summary":{"total":50, "running":20, "stopped":10, "recovering":12, "error":8},
    "resource_utilization":{
      "disk_usage_mb":500,
      "memory_mb":112832,
      "attunity_cpu_percentage":30,
      "machine_cpu_percentage":50
    }
  }
}"#,
    );
    let d = r.server_details.expect("details");
    assert_eq!(d.type_name.as_deref(), Some("ReplicateServerDetails"));
    assert_eq!(d.name.as_deref(), Some("myrepsrv1"));
    let c = d.configuration.as_ref().unwrap();
    assert_eq!(c.platform, Some(Platform::Windows));
    assert_eq!(c.port.as_deref(), Some("443"));
    assert_eq!(c.username.as_deref(), Some("Administrator"));
    assert_eq!(d.state, Some(ServerState::Monitored));
    let l = d.license.as_ref().unwrap();
    assert_eq!(l.state, Some(LicenseState::ValidLicense));
    assert_eq!(l.days_to_expiration, Some(30));
    let t = d.task_summary.as_ref().unwrap();
    assert_eq!(
        (t.total, t.running, t.stopped, t.recovering, t.error),
        (Some(50), Some(20), Some(10), Some(12), Some(8))
    );
    let u = d.resource_utilization.as_ref().unwrap();
    assert_eq!(u.memory_mb, Some(112832));
    assert_eq!(u.machine_cpu_percentage, Some(50));
    // Written back under the spelling Qlik's client reads.
    let back = serde_json::to_value(ServerDetailsResponse {
        server_details: Some(d),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(back["server_details"]["name"], "myrepsrv1");
    assert!(back.get("serverDetails").is_none());
}

#[test]
fn guide_get_server_example_and_put_server_body() {
    let s: ServerDefinition = read(
        r#"{
  "$type": "AemReplicateServer",
  "name": "myrepsrv1",
  "description": "replicate for business",
  "host": "rep2018r2gs7.qa.int",
  "port": "443",
  "username": "administrator",
  "password": "{S:98bdfd05-d16e-4afb-ad24-256c4dc6aae9}",
  "verify_server_certificate": "true",
  "monitored": "true"
}"#,
    );
    assert_eq!(s.verify_server_certificate, Some(true));
    assert_eq!(s.monitored, Some(true));
    assert_eq!(s.port.as_deref(), Some("443"));
    // PutServer's example body, exactly.
    let put = ServerDefinition {
        password: Some("pass123".into()),
        ..s
    };
    assert_eq!(
        serde_json::to_string(&put).unwrap(),
        r#"{"$type":"AemReplicateServer","name":"myrepsrv1","description":"replicate for business","host":"rep2018r2gs7.qa.int","port":"443","username":"administrator","password":"pass123","verify_server_certificate":true,"monitored":true}"#
    );
}

#[test]
fn guide_server_acl_example_round_trips() {
    let text = r#"{
  "admin_role": {
    "users": [{"name": "QLIK\\Paul.Clarke"}, {"name": "QLIK\\testAuth1"}],
    "groups": [{"name": "QLIK\\AttunityEnterpriseManagerAdmins"}]
  },
  "designer_role": {
    "users": [{"name": "QLIK\\Marisa.Lewis"}, {"name": "QLIK\\testAuth2"}],
    "groups": [{"name": "QLIK\\AttunityEnterpriseManagerDesigners"}]
  },
  "operator_role": {
    "users": [{"name": "QLIK\\David.Foster"}, {"name": "QLIK\\testAuth3"}],
    "groups": [{"name": "QLIK\\AttunityEnterpriseManagerOperators"}]
  },
  "viewer_role": {
    "users": [{"name": "QLIK\\Laura.Todd"}, {"name": "QLIK\\testAuth4"}],
    "groups": [{"name": "QLIK\\AttunityEnterpriseManagerviewers"}]
  },
  "disable_inheritance": true
}"#;
    let acl: AuthorizationAcl = read(text);
    let admin = acl.admin_role.as_ref().unwrap();
    assert_eq!(admin.users.len(), 2);
    assert_eq!(admin.users[0].name.as_deref(), Some("QLIK\\Paul.Clarke"));
    assert_eq!(acl.disable_inheritance, Some(true));
    assert_eq!(
        serde_json::to_value(&acl).unwrap(),
        serde_json::from_str::<Value>(text).unwrap()
    );
    // The body template's string boolean is read too.
    let acl: AuthorizationAcl = read(r#"{"disable_inheritance": "false"}"#);
    assert_eq!(acl.disable_inheritance, Some(false));
}

#[test]
fn guide_get_server_list_example() {
    let l: ServerList = read(
        r#"{
  "serverList": [{
    "$type": "ReplicateServerInfo", "name": "RepBS", "description": "replicate for business",
    "host": "rep2008r2gs7.qa.int", "port": "443", "state": "MONITORED", "message": "",
    "platform": "WINDOWS", "version": "5.2.0.156", "last_connection": "2016-12-18T02:23:30"
  }, {
    "$type": "ReplicateServerInfo", "name": "RepDev", "description": "replicate for developers",
    "host": "rep2008r2gs8.qa.int", "port": "443", "state": "NOT_MONITORED",
    "message": "Server changed status to Not Monitored.", "platform": "WINDOWS",
    "version": "5.2.0.156", "last_connection": "2016-11-16T05:30:00"
  }, {
    "$type": "ReplicateServerInfo", "name": "RepProd", "description": "replicate for production",
    "host": "rep2008r2gs9.qa.int", "port": "443", "state": "ERROR",
    "message": "REPLICATE-E-REPSRVNFND, Replicate server 'Rep 5003' not found.",
    "platform": "WINDOWS", "version": "5.2.0.156", "last_connection": "2016-11-16T05:30:00",
    "type": "REPLICATE"
  }]
}"#,
    );
    assert_eq!(l.server_list.len(), 3);
    let states: Vec<_> = l
        .server_list
        .iter()
        .map(|s| s.state.clone().unwrap())
        .collect();
    assert_eq!(
        states,
        [
            ServerState::Monitored,
            ServerState::NotMonitored,
            ServerState::Error
        ]
    );
    assert_eq!(l.server_list[2].server_type.as_deref(), Some("REPLICATE"));
    assert_eq!(l.server_list[2].server_kind(), Some(ServerType::Replicate));
    let back = serde_json::to_value(&l).unwrap();
    assert_eq!(back["serverList"][2]["type"], "REPLICATE");
    assert_eq!(back["serverList"][0]["$type"], "ReplicateServerInfo");
}

#[test]
fn guide_get_task_list_example() {
    let l: TaskList = read(
        r#"{
  "taskList": [{
    "name": "Task1", "state": "RUNNING", "stop_reason": "NONE", "message": "NONE",
    "assigned_tags": ["MyTag1", "MyTag2", "MyTag3"]
  }, {
    "name": " Task2", "state": "STOPPED", "stop_reason": "FULL_LOAD_ONLY_FINISHED",
    "message": "NONE", "assigned_tags": ["MyTag5"]
  }, {
    "name": "Task3", "state": "RUNNING", "stop_reason": "NONE", "message": "NONE",
    "assigned_tags": []
  }]
}"#,
    );
    assert_eq!(l.task_list.len(), 3);
    assert_eq!(l.task_list[0].assigned_tags, ["MyTag1", "MyTag2", "MyTag3"]);
    assert_eq!(l.task_list[1].state, Some(TaskState::Stopped));
    assert_eq!(
        l.task_list[1].stop_reason,
        Some(TaskStopReason::FullLoadOnlyFinished)
    );
    assert!(l.task_list[2].assigned_tags.is_empty());
}

/// The guide's Replicate example (2.17), its broken nesting flattened.
const GUIDE_TASK_DETAILS: &str = r#"{
  "name": "SalesDBBackup",
  "description": "Backs up annual sales",
  "state": "RUNNING",
  "message": "NONE",
  "source_endpoint": {"name": "Customer Management", "type": "Oracle"},
  "target_endpoint": {"name": "Business Management", "type": "Microsoft SQL Server"},
  "cdc_event_counters": {"applied_insert_count": 0, "applied_update_count": 0, "applied_delete_count": 0, "applied_ddl_count": 0},
  "full_load_counters": {
    "tables_completed_count": 3, "tables_loading_count": 0, "tables_queued_count": 0,
    "tables_with_error_count": 0, "records_completed_count": 177446,
    "estimated_records_for_all_tables_count": 177446
  },
  "full_load_completed": true,
  "full_load_start": "2016-12-18T02:23:30",
  "full_load_end": "2016-12-18T02:23:35",
  "full_load_throughput": {"source_throughput_records_count": 0, "source_throughput_volume": 0, "target_throughput_records_count": 0, "target_throughput_volume": 0},
  "cdc_throughput": {
    "source_throughput_records_count": {"current": 0},
    "source_throughput_volume": {"current": 0},
    "target_throughput_records_count": {"current": 0},
    "target_throughput_volume": {"current": 0}
  },
  "cdc_transactions_counters": {
    "commit_change_records_count": 0, "rollback_transaction_count": 0,
    "rollback_change_records_count": 0, "rollback_change_volume_mb": 0,
    "applied_transactions_in_progress_count": 0, "applied_records_in_progress_count": 0,
    "applied_comitted_transacion_count": 0, "applied_records_comitted_count": 0,
    "applied_volume_comitted_mb": 0,
    "incoming_accumulated_changes_in_memory_count": 0, "incoming_accumulated_changes_on_disk_count": 0,
    "incoming_applying_changes_in_memory_count": 0, "incoming_applying_changes_on_disk_count": 0
  },
  "cdc_latency": {"source_latency": "00:00:00", "total_latency": "00:00:00"},
  "profile": "UNIDIRECTIONAL",
  "task_stop_reason": "NORMAL",
  "memory_mb": 57,
  "cpu_percentage": 30,
  "disk_usage_mb": 0,
  "data_error_count": 0,
  "options": {"full_load_enabled": true, "apply_changes_enabled": true, "store_changes_enabled": false, "audit_changes_enabled": false},
  "log_stream_staging": "MyLogStreamTask",
  "assigned_tags": ["MyTag1", "MyTag2", "MyTag3"]
}"#;

#[test]
fn guide_get_task_details_replicate_example() {
    let d: TaskDetails = read(GUIDE_TASK_DETAILS);
    assert_eq!(d.name.as_deref(), Some("SalesDBBackup"));
    assert_eq!(d.state, Some(TaskState::Running));
    let src = d.source_endpoint.as_ref().unwrap();
    assert_eq!(src.endpoint_type.as_deref(), Some("Oracle"));
    let fl = d.full_load_counters.as_ref().unwrap();
    assert_eq!(fl.records_completed_count, Some(177446));
    assert_eq!(d.full_load_completed, Some(true));
    let cdc = d.cdc_throughput.as_ref().unwrap();
    assert_eq!(
        cdc.target_throughput_volume.as_ref().unwrap().current,
        Some(0)
    );
    let tc = d.cdc_transactions_counters.as_ref().unwrap();
    assert_eq!(tc.applied_committed_transaction_count, Some(0));
    assert_eq!(tc.applied_volume_committed_mb, Some(0));
    assert_eq!(tc.in_flight(), 0);
    assert_eq!(d.total_latency(), Some(Duration::ZERO));
    assert_eq!(d.task_stop_reason, Some(TaskStopReason::Normal));
    assert_eq!(d.memory_mb, Some(57));
    let o = d.options.as_ref().unwrap();
    assert_eq!(
        (o.full_load_enabled, o.store_changes_enabled),
        (Some(true), Some(false))
    );
    assert_eq!(d.assigned_tags.len(), 3);
    assert!(!d.is_compose());
    assert!(d.extra.is_empty(), "{:?}", d.extra);
}

#[test]
fn guide_get_task_details_compose_body() {
    let d: TaskDetails = read(
        r#"{
  "$type": "AemComposeDWTaskInfoDetailed",
  "project": "dwproject",
  "profile": "Data Warehouse",
  "loading_completed": "true",
  "loading_start": "2021-05-01T10:00:00",
  "loading_end": "2021-05-01T10:05:00",
  "options": {"full_load_enabled": "true", "apply_changes_enabled": "false"},
  "loading_counters": {
    "tables_total_count": 10, "tables_completed_count": 8, "tables_loading_count": 1,
    "tables_queued_count": 1, "tables_with_error_count": 0,
    "commands_total_count": 40, "commands_completed_count": "39"
  },
  "name": "load__dwproject",
  "message": "",
  "state": "RUNNING",
  "description": "",
  "source_endpoint": {"name": "landing", "type": "Microsoft SQL Server"},
  "target_endpoint": {"name": "storage", "type": "Snowflake"},
  "assigned_tags": []
}"#,
    );
    assert_eq!(d.kind(), Some(TaskType::ComposeDw));
    assert!(d.is_compose());
    assert_eq!(d.loading_completed, Some(true));
    let lc = d.loading_counters.as_ref().unwrap();
    assert_eq!(lc.commands_completed_count, Some(39));
    assert_eq!(
        d.options.as_ref().unwrap().apply_changes_enabled,
        Some(false)
    );
    assert_eq!(
        serde_json::to_value(&d).unwrap()["$type"],
        "AemComposeDWTaskInfoDetailed"
    );
}

#[test]
fn guide_table_list_selection_and_statuses() {
    let l: TableList = read(
        r#"{"tablelist": [
    {"schema": "MYSHEMA", "table": "TABLE1", "state": "TABLE_CHANGE_PROCESSING"},
    {"schema": "MYSCHEMA", "table": "TABLE2", "state": "TABLE_LOADING"},
    {"schema": "MYSCHEMA", "table": "TABLE3", "state": "TABLE_QUEUED"},
    {"schema": "MYSCHEMA", "table": "TABLE4", "state": "TABLE_QUEUED"}
  ]}"#,
    );
    assert_eq!(l.tablelist.len(), 4);
    assert_eq!(l.tablelist[0].state, Some(TableState::ChangeProcessing));
    assert_eq!(l.tablelist[1].state, Some(TableState::Loading));

    let text = r#"{"included_pattern": [], "excluded_pattern": [], "explicit_included_tables": [{"owner": "dbo", "name": "employees", "load_order": 0, "table_type": "TABLE"}]}"#;
    let s: TableSelection = read(text);
    assert_eq!(s.explicit_included_tables.len(), 1);
    let t = &s.explicit_included_tables[0];
    assert_eq!(t.load_order, Some(LoadOrder::Value(0)));
    assert_eq!(t.table_type, Some(TableType::Table));
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        text.replace(": ", ":").replace(", ", ",")
    );

    let put = r#"{
  "included_pattern": [{"owner": "dbo", "name": "tbl%", "load_order": 0, "table_type": "TABLE"}],
  "excluded_pattern": [{"owner": "dbo", "name": "tbl_xyz%", "load_order": "HIGH", "table_type": "VIEW"}],
  "explicit_included_tables": [
    {"owner": "dbo", "name": "employees", "load_order": 0, "table_type": "TABLE"},
    {"owner": "dbo", "name": "customers", "load_order": -5000, "table_type": "TABLE"}
  ]
}"#;
    let s: TableSelection = read(put);
    assert_eq!(s.excluded_pattern[0].table_type, Some(TableType::View));
    assert_eq!(
        s.excluded_pattern[0].load_order,
        Some(LoadOrder::Named(StandardLoadOrder::High))
    );
    assert_eq!(
        s.excluded_pattern[0]
            .load_order
            .as_ref()
            .unwrap()
            .priority(),
        Some(1000)
    );
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        serde_json::from_str::<Value>(put).unwrap()
    );

    let st: TableStatuses = read(
        r#"{"table_details": [{
    "schema_on_source": "myschema1", "table_on_source": "mytable1",
    "schema_on_target": "", "table_on_target": "",
    "state": "TABLE_CHANGE_PROCESSING", "data_errors_count": 0,
    "table_full_load_info": {
      "start_time": "2019-08-05T01:35:06", "end_time": "2019-08-05T01:35:06",
      "estimated_row_count": 0, "estimated_end_time": null,
      "transferred_row_count": 4, "transferred_volume_mb": 1856
    },
    "table_cdc_info": {
      "insert_count": 2, "update_count": 0, "delete_count": 0, "ddl_count": 0,
      "last_update_time": null, "cached_insert_count": 0, "cached_update_count": 0,
      "cached_delete_count": 0
    }
  }, {
    "schema_on_source": "myschema2", "table_on_source": "mytable2",
    "state": "TABLE_CHANGE_PROCESSING",
    "table_full_load_info": {"transferred_row_count": 1000000, "transferred_volume_mb": 464000000},
    "table_cdc_info": {"update_count": 4}
  }]}"#,
    );
    assert_eq!(st.table_details.len(), 2);
    let fl = st.table_details[0].table_full_load_info.as_ref().unwrap();
    assert_eq!(fl.estimated_end_time, None);
    assert_eq!(fl.transferred_volume_mb, Some(1856));
    assert_eq!(
        st.table_details[1]
            .table_cdc_info
            .as_ref()
            .unwrap()
            .update_count,
        Some(4)
    );
    // A null is not written back.
    assert!(
        serde_json::to_value(&st).unwrap()["table_details"][0]["table_full_load_info"]
            .get("estimated_end_time")
            .is_none()
    );
}

#[test]
fn guide_run_stop_endpoint_test_and_barrier_answers() {
    let r: TaskActionResponse = read(r#"{"state": "RUNNING", "error_message": ""}"#);
    assert_eq!(r.state, Some(TaskState::Running));
    assert_eq!(r.error_message.as_deref(), Some(""));
    let r: TaskActionResponse = read(r#"{"state": "STOPPED", "error_message": ""}"#);
    assert_eq!(r.state, Some(TaskState::Stopped));

    let e: EndpointList = read(
        r#"{"endpointList": [
    {"name": "Shopping", "description": "Customers and purchases", "role": "SOURCE", "type": "ORACLE", "is_licensed": true},
    {"name": "Management", "description": "Managers and Employees", "role": "SOURCE", "type": "ORACLE", "is_licensed": true},
    {"name": "Business Management", "description": "Shopping + Management", "role": "TARGET", "type": "HADOOP", "is_licensed": "true"}
  ]}"#,
    );
    assert_eq!(e.endpoint_list.len(), 3);
    assert_eq!(e.endpoint_list[2].role, Some(EndpointRole::Target));
    assert_eq!(e.endpoint_list[2].endpoint_type.as_deref(), Some("HADOOP"));
    assert_eq!(e.endpoint_list[2].is_licensed, Some(true));

    let t: TestEndpointResponse = read(r#"{"state": "CONNECTED", "error_message": ""}"#);
    assert_eq!(t.state, Some(EndpointState::Connected));
    assert!(t.is_ok());
    let t: TestEndpointResponse =
        read(r#"{"requeststate": "FAILURE", "message": "bad", "detailed_message": "very bad"}"#);
    assert_eq!(t.requeststate, Some(EndpointState::Failure));
    assert_eq!(t.detailed_message.as_deref(), Some("very bad"));
    assert!(!t.is_ok());

    let b: RetentionBarrier =
        read(r#"{"application":"xxx","retention_point":"2020-06-30T16:15:00Z"}"#);
    assert_eq!(b.application.as_deref(), Some("xxx"));
    assert_eq!(b.retention_point.as_deref(), Some("2020-06-30T16:15:00Z"));
}

// ---- spellings of real servers ----

#[test]
fn server_details_under_either_wrapper_or_none() {
    for key in ["serverDetails", "server_details"] {
        let r: ServerDetailsResponse = serde_json::from_value(json!({ key: {
            "$type": "ReplicateServerDetails", "name": "s", "type": "COMPOSE_FDW",
            "license": {"days_to_expiration": 30}
        }}))
        .unwrap();
        let d = r.server_details.unwrap();
        assert_eq!(d.server_type.as_deref(), Some("COMPOSE_FDW"));
        assert_eq!(d.server_kind(), Some(ServerType::ComposeFdw));
        assert_eq!(d.license.unwrap().days_to_expiration, Some(30));
    }
    // Both spellings at once never fail.
    let r: ServerDetailsResponse =
        read(r#"{"serverDetails": {"name": "a"}, "server_details": {"name": "b"}}"#);
    assert_eq!(r.server_details.unwrap().name.as_deref(), Some("b"));
    // A bare details object.
    let r: ServerDetailsResponse = read(r#"{"$type": "ComposeServerDetails", "name": "c"}"#);
    assert_eq!(r.server_details.unwrap().name.as_deref(), Some("c"));
}

#[test]
fn committed_in_both_spellings() {
    let c: CdcTransactionCounters = read(
        r#"{"applied_comitted_transaction_count": 7, "applied_records_comitted_count": "9", "applied_volume_comitted_mb": 3}"#,
    );
    assert_eq!(c.applied_committed_transaction_count, Some(7));
    assert_eq!(c.applied_records_committed_count, Some(9));
    assert_eq!(c.applied_volume_committed_mb, Some(3));
    let c: CdcTransactionCounters = read(
        r#"{"applied_committed_transaction_count": 1, "applied_records_committed_count": 2, "applied_volume_committed_mb": 4}"#,
    );
    assert_eq!(
        (
            c.applied_committed_transaction_count,
            c.applied_records_committed_count,
            c.applied_volume_committed_mb
        ),
        (Some(1), Some(2), Some(4))
    );
    let back = serde_json::to_value(&c).unwrap();
    assert_eq!(back["applied_committed_transaction_count"], 1);
    // Both at once: the guide's spelling wins, nothing fails.
    let c: CdcTransactionCounters = read(
        r#"{"applied_comitted_transaction_count": 5, "applied_committed_transaction_count": 6}"#,
    );
    assert_eq!(c.applied_committed_transaction_count, Some(6));
    assert!(c.extra.is_empty());
}

#[test]
fn task_details_flat_or_wrapped() {
    let flat: TaskDetails = read(GUIDE_TASK_DETAILS);
    let wrapped: TaskDetails = read(&format!(r#"{{"task": {GUIDE_TASK_DETAILS}}}"#));
    assert_eq!(flat, wrapped);
    let v: Value = serde_json::from_str(&format!(r#"{{"task": {GUIDE_TASK_DETAILS}}}"#)).unwrap();
    assert_eq!(TaskDetails::from_value(v).unwrap(), flat);
    // A `task` key that is not a task is not unwrapped.
    let d: TaskDetails = read(r#"{"task": {"x": 1}}"#);
    assert_eq!(d.name, None);
    assert_eq!(d.extra["task"], json!({"x": 1}));
    // Written flat.
    assert!(serde_json::to_value(&wrapped)
        .unwrap()
        .get("task")
        .is_none());
}

#[test]
fn task_states_recovering_and_unknown() {
    let d: TaskDetails = read(r#"{"state": "RECOVERING", "stop_reason": "RECOVERABLE_ERROR"}"#);
    assert_eq!(d.state, Some(TaskState::Recovery));
    assert_eq!(d.task_stop_reason, Some(TaskStopReason::RecoverableError));
    for s in [
        "STOPPED",
        "RUNNING",
        "ERROR",
        "RECOVERY",
        "NOT_EXIST",
        "PAUSED",
        "STARTING",
        "STOPPING",
    ] {
        let st: TaskState = s.parse().unwrap();
        assert!(!st.is_unknown(), "{s}");
        assert_eq!(st.to_string(), s);
    }
    let t: TaskInfo = read(
        r#"{"name": "t", "state": "WARPING", "stop_reason": "FATAL ERROR", "future_field": {"x": [1, 2]}, "assigned_tags": null}"#,
    );
    assert_eq!(t.state, Some(TaskState::Unknown("WARPING".into())));
    assert_eq!(t.stop_reason, Some(TaskStopReason::FatalError));
    assert!(t.assigned_tags.is_empty());
    let back = serde_json::to_value(&t).unwrap();
    assert_eq!(back["state"], "WARPING");
    assert_eq!(back["future_field"], json!({"x": [1, 2]}));
    assert_eq!(back["stop_reason"], "FATAL_ERROR");
}

#[test]
fn unknown_fields_survive_get_then_put() {
    let text = r#"{"$type":"AemReplicateServer","name":"s","port":443,"monitored":"true","proxy":{"host":"p","port":8080},"tags":["a"]}"#;
    let s: ServerDefinition = read(text);
    assert_eq!(s.port.as_deref(), Some("443"));
    assert_eq!(s.extra.len(), 2);
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"{"$type":"AemReplicateServer","name":"s","port":"443","monitored":true,"proxy":{"host":"p","port":8080},"tags":["a"]}"#
    );
}

#[test]
fn numbers_and_booleans_as_strings_and_odd_shapes() {
    let d: TaskDetails = read(
        r#"{"memory_mb": "lots", "cpu_percentage": "-1", "disk_usage_mb": 12.0, "data_error_count": "3",
            "options": "x", "full_load_completed": "TRUE", "assigned_tags": ["a", 1, null, "b"],
            "cdc_event_counters": {"applied_insert_count": " 42 "}, "name": 17}"#,
    );
    assert_eq!(d.memory_mb, None);
    assert_eq!(d.cpu_percentage, Some(-1));
    assert_eq!(d.disk_usage_mb, Some(12));
    assert_eq!(d.data_error_count, Some(3));
    assert_eq!(d.options, None);
    assert_eq!(d.full_load_completed, Some(true));
    assert_eq!(d.assigned_tags, ["a", "b"]);
    assert_eq!(d.cdc_event_counters.unwrap().applied_insert_count, Some(42));
    assert_eq!(d.name.as_deref(), Some("17"));
    // A null answer reads as empty; a list that is not a list reads as empty.
    let l: TaskList = read("null");
    assert!(l.task_list.is_empty());
    let l: TaskList = read(r#"{"taskList": {"oops": 1}}"#);
    assert!(l.task_list.is_empty());
}

#[test]
fn test_endpoint_reads_all_three_states() {
    let r: TestEndpointResponse = read(
        r#"{"requeststate": "SUCCESS", "state": "CONNECTED", "status": "CONNECTED", "message": ""}"#,
    );
    assert_eq!(r.requeststate, Some(EndpointState::Success));
    assert_eq!(r.state, Some(EndpointState::Connected));
    assert_eq!(r.status, Some(EndpointState::Connected));
    assert!(r.is_ok());
    // The most specific state decides: an endpoint in error behind a request that worked.
    let r: TestEndpointResponse =
        read(r#"{"state": null, "status": "ERROR", "requeststate": "SUCCESS"}"#);
    assert_eq!(r.endpoint_state(), Some(&EndpointState::Error));
    assert!(!r.is_ok());
    for k in ["requeststate", "state", "status"] {
        let r: TestEndpointResponse = serde_json::from_value(json!({ k: "SUCCESS" })).unwrap();
        assert!(r.is_ok(), "{k}");
        assert_eq!(serde_json::to_value(&r).unwrap(), json!({ k: "SUCCESS" }));
    }
    let r: TestEndpointResponse = read(r#"{"status": "UNKNOWN", "requeststate": "SUCCESS"}"#);
    assert!(!r.is_ok());
}

#[test]
fn enums_accept_numbers_without_failing() {
    let s: TableState = serde_json::from_value(json!(3)).unwrap();
    assert_eq!(s, TableState::ChangeProcessing);
    let t: TableType = serde_json::from_value(json!(2)).unwrap();
    assert_eq!(t, TableType::View);
    // The SDK chapters' numbers (AemTaskState) read as their values; others stay unknown.
    let s: TaskState = serde_json::from_value(json!(7)).unwrap();
    assert_eq!(s, TaskState::Stopping);
    let s: TaskState = serde_json::from_value(json!(42)).unwrap();
    assert_eq!(s, TaskState::Unknown("42".into()));
    let s: TaskState = serde_json::from_value(json!(true)).unwrap();
    assert_eq!(s, TaskState::Unknown("true".into()));
    assert_eq!(
        serde_json::to_value(LicenseState::from_wire("LICENSE_VALID")).unwrap(),
        "VALID_LICENSE"
    );
    assert_eq!(PatchOp::Replace.as_str(), "replace");
    assert_eq!(
        StandardLoadOrder::from_code(-2147483647),
        Some(StandardLoadOrder::Lowest)
    );
    assert_eq!(Platform::from_wire("UNKNOWN"), Platform::Unspecified);
    assert_eq!(
        TaskStopReason::from_wire("STOPPED_LOW_DISK"),
        TaskStopReason::StoppedLowDiskSpace
    );
}

#[test]
fn run_options_needing_a_position() {
    let with: Vec<&str> = RunTaskOptions::ALL
        .iter()
        .copied()
        .filter(|o| RunTaskOptions::from_wire(o).requires_cdc_position())
        .collect();
    assert_eq!(
        with,
        [
            "RESUME_PROCESSING_FROM_TIMESTAMP",
            "RESUME_PROCESSING_FROM_POSITION",
            "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET"
        ]
    );
    assert_eq!(RunTaskOptions::ALL.len(), 8);
    assert!(!RunTaskOptions::Unknown("X".into()).requires_cdc_position());
}

#[test]
fn latency_parsing() {
    let d = |s: &str| Latency::from(s).as_duration();
    assert_eq!(d("00:00:00"), Some(Duration::ZERO));
    assert_eq!(d("00:00:05"), Some(Duration::from_secs(5)));
    assert_eq!(d("01:02:03"), Some(Duration::from_secs(3723)));
    assert_eq!(d("1:02:03"), Some(Duration::from_secs(3723)));
    assert_eq!(d("123:00:00"), Some(Duration::from_secs(123 * 3600)));
    assert_eq!(d("2.01:00:00"), Some(Duration::from_secs(2 * 86400 + 3600)));
    assert_eq!(d("00:00:01.5"), Some(Duration::from_millis(1500)));
    assert_eq!(d("42"), Some(Duration::from_secs(42)));
    assert_eq!(d("0.25"), Some(Duration::from_millis(250)));
    assert_eq!(d(""), None);
    assert_eq!(d("soon"), None);
    assert_eq!(d("-5"), None);
    assert_eq!(d("aa:bb:cc"), None);
    let l: CdcLatency = read(r#"{"source_latency": 7, "total_latency": "00:01:00"}"#);
    assert_eq!(
        l.source_latency.as_ref().unwrap().as_duration(),
        Some(Duration::from_secs(7))
    );
    assert_eq!(l.total_latency.as_ref().unwrap().as_str(), "00:01:00");
    assert_eq!(
        Latency::from_duration(Duration::from_secs(3723)).as_str(),
        "01:02:03"
    );
}

// ---- documents ----

/// An excerpt of a real ExportTask document (AS400 to Delta Lake), shortened.
pub(crate) const EXPORT_EXCERPT: &str = r#"{
	"name":	"Test-New-Cluster__2021-08-27--16-12-22-887071",
	"cmd.replication_definition":	{
		"tasks":	[{
				"task":	{
					"name":	"Test-New-Cluster",
					"source_name":	"AS400-Source",
					"target_names":	["DeltaLake-Dest"]
				},
				"source":	{
					"rep_source":	{"source_name": "AS400-Source", "database_name": "AS400-Source"},
					"source_tables":	{
						"name":	"AS400-Source",
						"explicit_included_tables":	[{"owner": "$GMLLIB", "name": "GMF309PF", "validation_sampling_percentage": 0}]
					}
				},
				"targets":	[{"rep_target": {"target_name": "DeltaLake-Dest", "target_state": "DISABLED", "database_name": "DeltaLake-Dest"}}],
				"task_settings":	{"target_settings": {"default_schema": "structured", "artifacts_cleanup_enabled": false}}
			}],
		"databases":	[{
				"name":	"AS400-Source",
				"role":	"SOURCE",
				"is_licensed":	true,
				"type_id":	"DB2I_NATIVE_COMPONENT_TYPE",
				"db_settings":	{"$type": "Db2iSettings", "server": "as400.example"}
			}, {
				"name":	"DeltaLake-Dest",
				"role":	"TARGET",
				"is_licensed":	true,
				"type_id":	"DATABRICKS_AZURE_DELTA_COMPONENT_TYPE",
				"db_settings":	{"$type": "DatabricksAzureDeltaSettings"}
			}]
	},
	"_version":	{
		"version":	"2021.5.0.745",
		"version_major":	2021,
		"version_minor":	5,
		"version_revision":	745
	},
	"description":	"Host name: thlifelz1sobv8v.PRU.intranet.asia, Time: 2021-08-27 16:12:22.887071"
}"#;

#[test]
fn export_document_typed_view_round_trips() {
    let doc = ExportDocument::parse(&format!("// exported by EM\n{EXPORT_EXCERPT}")).unwrap();
    assert_eq!(
        doc.name.as_deref(),
        Some("Test-New-Cluster__2021-08-27--16-12-22-887071")
    );
    assert_eq!(doc.task_names(), ["Test-New-Cluster"]);
    assert_eq!(doc.database_names(), ["AS400-Source", "DeltaLake-Dest"]);
    let v = doc.version.as_ref().unwrap();
    assert_eq!(
        (v.version_major, v.version_minor, v.version_revision),
        (Some(2021), Some(5), Some(745))
    );
    assert!(doc
        .description
        .as_deref()
        .unwrap()
        .starts_with("Host name:"));
    assert_eq!(
        serde_json::to_value(&doc).unwrap(),
        serde_json::from_str::<Value>(EXPORT_EXCERPT).unwrap()
    );
    let mut doc = doc;
    assert!(doc.rename_task("Test-New-Cluster", "Prod-Cluster"));
    assert!(!doc.rename_task("nope", "x"));
    assert_eq!(doc.task_names(), ["Prod-Cluster"]);
    let db = doc
        .replication_definition
        .as_mut()
        .unwrap()
        .database_mut("AS400-Source")
        .unwrap();
    db["db_settings"]["server"] = json!("as400-prod.example");
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.contains("as400-prod.example"));
}

#[test]
fn audit_trail_is_kept_as_sent() {
    let a: AuditTrail = read(r#"{"audit_trail": [{"user": "a"}, {"user": "b"}], "count": 2}"#);
    assert_eq!(a.records().len(), 2);
    let a: AuditTrail = read(r#"[{"user": "a"}]"#);
    assert_eq!(a.records().len(), 1);
    assert_eq!(serde_json::to_string(&a).unwrap(), r#"[{"user":"a"}]"#);
}

// ---- requests: the guide's names, only what was set ----

#[test]
fn requests_carry_only_what_was_set() {
    let c = CloneTaskRequest::new("B");
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"new_task_name":"B"}"#
    );
    let full = CloneTaskRequest {
        clone_permissions: Some(true),
        new_task_name: "BusinessData".into(),
        new_source_endpoint: Some("MyOracle".into()),
        new_target_endpoint: Some("MySQLServer".into()),
        new_control_schema: Some("TaskControlSchema".into()),
        new_target_schema: Some("TaskTargetSchema".into()),
        new_control_table_tablespace: Some("TaskTableSpace".into()),
        new_control_index_tablespace: Some("TaskIndexTableSpace".into()),
    };
    assert_eq!(
        serde_json::to_value(&full).unwrap(),
        json!({
            "clone_permissions": true,
            "new_task_name": "BusinessData",
            "new_source_endpoint": "MyOracle",
            "new_target_endpoint": "MySQLServer",
            "new_control_schema": "TaskControlSchema",
            "new_target_schema": "TaskTargetSchema",
            "new_control_table_tablespace": "TaskTableSpace",
            "new_control_index_tablespace": "TaskIndexTableSpace"
        })
    );

    assert_eq!(
        serde_json::to_string(&RunTaskRequest::new("2017-03-07T11:19:03")).unwrap(),
        r#"{"cdcposition":"2017-03-07T11:19:03"}"#
    );
    assert_eq!(
        serde_json::to_string(&RunTaskRequest::default()).unwrap(),
        "{}"
    );

    let p = vec![
        PatchOperation::replace("/db_settings/bucketName", "my_new_bucket"),
        PatchOperation::remove("/db_settings/x"),
    ];
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"[{"op":"replace","path":"/db_settings/bucketName","value":"my_new_bucket"},{"op":"remove","path":"/db_settings/x"}]"#
    );

    assert_eq!(
        serde_json::to_string(&DeleteOldChangeDataRequest::new("P1M3DT1H2M")).unwrap(),
        r#"{"timestamp_or_offset":"P1M3DT1H2M"}"#
    );
    assert_eq!(
        serde_json::to_string(&RetentionBarrier::set("2020-06-30T16:15:00Z", "xxx")).unwrap(),
        r#"{"retention_point":"2020-06-30T16:15:00Z","application":"xxx"}"#
    );
    assert_eq!(
        serde_json::to_string(&RetentionBarrier::remove("Compose")).unwrap(),
        r#"{"retention_point":"","application":"Compose"}"#
    );

    let f = TableFilter::all()
        .schema("SALES")
        .include(TableState::Error);
    assert_eq!(
        serde_json::to_value(&f).unwrap(),
        json!({"schema": "SALES", "includeerror": true})
    );
    assert_eq!(
        f.to_query(),
        [
            ("schema", "SALES".to_string()),
            ("includeerror", "true".to_string())
        ]
    );

    let s = ServerDefinition {
        description: Some("d".into()),
        ..ServerDefinition::compose("c1", "h", 443)
    };
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"{"$type":"AemComposeServer","name":"c1","description":"d","host":"h","port":"443"}"#
    );

    let acl = AuthorizationAcl {
        admin_role: Some(RoleDef {
            users: vec![UserRef::new("QLIK\\a")],
            groups: vec![GroupRef::new("QLIK\\g")],
            ..Default::default()
        }),
        disable_inheritance: Some(false),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&acl).unwrap(),
        r#"{"admin_role":{"users":[{"name":"QLIK\\a"}],"groups":[{"name":"QLIK\\g"}]},"disable_inheritance":false}"#
    );

    let sel = TableSelection {
        explicit_included_tables: vec![TableSelectionDefinition::table("dbo", "employees")],
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&sel).unwrap(),
        r#"{"included_pattern":[],"excluded_pattern":[],"explicit_included_tables":[{"owner":"dbo","name":"employees","load_order":0,"table_type":"TABLE"}]}"#
    );
}

#[test]
fn enum_docs_reach_the_description() {
    use crate::models::doc_text;
    // As stringify! gives doc comments: raw strings, with hashes when the text has a
    // quote, and a line break after `=` for long lines.
    let attrs = [
        "doc = r\" A \"",
        "doc = r#\" quoted \"x\" \"#",
        "doc =\nr\" long line\"",
        "doc = \"escaped \\\"y\\\"\"",
        "allow(dead_code)",
    ];
    assert_eq!(
        doc_text(&attrs),
        "A\nquoted \"x\"\nlong line\nescaped \"y\""
    );
    let schema = schemars::schema_for!(TaskState);
    assert!(schema
        .get("description")
        .and_then(|d| d.as_str())
        .is_some_and(|d| d.starts_with("State of a task")));
}
