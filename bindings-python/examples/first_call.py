"""The first call, as the package README shows it: list a server's tasks, read one.

    QEM_URL=https://host/attunityenterprisemanager QEM_USER='DOMAIN\\user' QEM_PASSWORD=... \
        python first_call.py            (QEM_CA_FILE: a CA bundle for a self-signed server)
"""

import os

import qem

url = os.environ["QEM_URL"]
with qem.Client(
    url,
    username=os.environ.get("QEM_USER", "QEM\\admin"),
    password=os.environ.get("QEM_PASSWORD", "admin-pass"),
    ca_file=os.environ.get("QEM_CA_FILE"),
) as client:
    for task in client.get_task_list("Local Server").taskList:
        print(task.name, task.state)
    details = client.get_task_details("Local Server", "SalesDBBackup")
    print("first call:", details.name, details.state)
