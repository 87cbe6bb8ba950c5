using Bot.Bench;

return await BlobCheckBenchmark.RunAsync(args);
