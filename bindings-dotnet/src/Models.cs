// The members of chapter 3's classes that are not fields of the API description: other
// names of a field, and the guide's wrapper of a task's details. The classes and enums
// themselves are generated (Models.g.cs, `cargo run -p qem-codegen`).
namespace Qlik.EnterpriseManager.Client
{
    public partial class AemServerDetails
    {
        /// <summary>The task summary under the guide's name for it (same object as TaskSummary).</summary>
        public TaskSummary AemTasksSummary { get { return TaskSummary; } set { TaskSummary = value; } }
    }

    public partial class AemTestEndpointResp
    {
        /// <summary>The same as Status.</summary>
        public AemEndpointState State { get { return Status; } set { Status = value; } }
    }

    public partial class AemGetTaskDetailsResp
    {
        AemTaskInfoDetailed task;
        /// <summary>The task's details (read from the answer on first use; from its "task" wrapper when there is one).</summary>
        public AemTaskInfoDetailed Task
        {
            get
            {
                if (task == null && Raw != null)
                {
                    object inner;
                    var wrapped = Raw.TryGetValue("task", out inner) ? inner as JsonObject : null;
                    task = Json.To<AemTaskInfoDetailed>(wrapped ?? Raw);
                }
                return task;
            }
            set { task = value; }
        }
    }
}
