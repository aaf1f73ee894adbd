using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EdgeML.Benchmarks.Operators.OperatorBenchmarks).Assembly).Run(args);
