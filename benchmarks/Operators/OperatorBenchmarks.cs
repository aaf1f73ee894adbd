using BenchmarkDotNet.Attributes;
using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Oracle;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using Microsoft.ML.OnnxRuntime;
using InferenceSession = EdgeML.Runtime.Execution.InferenceSession;

namespace EdgeML.Benchmarks.Operators;

/// <summary>Each one-operator model on ONNX Runtime (single thread, all graph optimisations) and on EdgeML
/// with every kernel variant this CPU supports, on the same input.</summary>
[MemoryDiagnoser]
public class OperatorBenchmarks
{
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "";

    public static IEnumerable<string> Models => OperatorModels.Names;

    public static IEnumerable<string> Engines => new[] { "ort" }.Concat(CpuFeatures.SupportedVariants.Select(v => "edgeml-" + v));

    private InferenceSession? _session;
    private IDisposable? _variant;
    private OrtRunner? _ort;
    private List<OrtValue>? _ortInputs;
    private IReadOnlyList<string>? _ortNames;
    private string? _onnxPath;

    [GlobalSetup]
    public void Setup()
    {
        var (model, shape) = OperatorModels.Create(Model);
        var x = new Tensor("x");
        x.Allocate(DataType.Float, shape);
        OperatorModels.Values((int)x.Length, 7).CopyTo(x.Span<float>());
        if (Engine == "ort")
        {
            _onnxPath = Path.Combine(Path.GetTempPath(), $"edgeml-bench-{Guid.NewGuid():N}.onnx");
            model.Save(_onnxPath);
            _ort = new OrtRunner(_onnxPath, threads: 1);
            _ortNames = _ort.InputNames;
            _ortInputs = _ort.Prepare(new Dictionary<string, Tensor> { ["x"] = x });
            return;
        }
        _variant = CpuFeatures.ForceVariant(Enum.Parse<CpuVariant>(Engine["edgeml-".Length..]));
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(model.ToBytes(), null), new CompileOptions());
        _session = new InferenceSession(EdgeMLModel.FromBytes(compiled.Bytes, Model));
        var input = _session.Input("x");
        input.Allocate(DataType.Float, shape);
        x.ReadOnlySpan<float>().CopyTo(input.Span<float>());
    }

    [Benchmark]
    public void Run()
    {
        if (_session != null) _session.Run();
        else _ort!.RunPrepared(_ortNames!, _ortInputs!);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session?.Dispose();
        _variant?.Dispose();
        foreach (var v in _ortInputs ?? []) v.Dispose();
        _ort?.Dispose();
        if (_onnxPath != null) File.Delete(_onnxPath);
    }
}
