"""Background work: e-mail sent by tasks, the task worker and the jobs it runs on a schedule."""
