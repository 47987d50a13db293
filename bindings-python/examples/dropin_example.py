"""A script written for Qlik's aem_client.py (chapter 4 of the API guide), unchanged."""

import base64 as b64
import sys

from aem_client import *  # noqa: F403

domain, username, password = "QEM", "admin", "admin-pass"
machine_name = sys.argv[1] if len(sys.argv) > 1 else "localhost"
domain_username = "{0}\\{1}".format(domain, username)
username_password_str = str.encode("{0}:{1}".format(domain_username, password))
b64_username_password = b64.b64encode(username_password_str).decode("ascii")

aem_client = AemClient(b64_username_password, machine_name, verify_certificate=False)  # noqa: F405
resp = aem_client.get_server_list()
for server in resp.serverList:
    print(server.name, server.state)
details = aem_client.get_server_details(resp.serverList[0].name)
if details.server_details is not None and details.server_details.configuration is not None:
    print(details.server_details.configuration.host)
tasks = aem_client.get_task_list("Local Server")
for t in tasks.taskList:
    task = aem_client.get_task_details("Local Server", t.name)
    if task.state == AemTaskState.STOPPED:  # noqa: F405
        req = AemRunTaskReq()  # noqa: F405
        run = aem_client.run_task(req, "Local Server", t.name, AemRunTaskOptions.RESUME_PROCESSING, 30)  # noqa: F405
        print(run.state, run.error_message)
statuses = aem_client.get_table_statuses("Local Server", "SalesDBBackup")
for table in statuses.table_details:
    if table.table_full_load_info is not None:
        print(table.table_on_source, table.table_full_load_info.transferred_row_count)
selection = TableSelectionDefinition()  # noqa: F405
pattern = TableSelection()  # noqa: F405
pattern.owner = "SALES"
pattern.name = "ORD%"
pattern.load_order = StandardLoadOrder.HIGH.value  # noqa: F405
selection.included_pattern.append(pattern)
aem_client.put_task_table_selection(selection, "Local Server", "SalesDBBackup")
document: str = aem_client.export_task("Local Server", "SalesDBBackup")
try:
    aem_client.get_task_details("Local Server", "missing")
except AemClientException as e:  # noqa: F405
    print(e.error_code, e.message)
