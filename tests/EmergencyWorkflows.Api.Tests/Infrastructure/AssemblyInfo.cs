// Hosts run Hangfire servers and SQLite writers; on a 2-core machine tests are steadier one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
