using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>A one-node model for the tensor-group kernel tests: every input is a graph input (so the
/// kernel runs at inference, not only in constant folding), checked against ONNX Runtime.</summary>
internal sealed class TensorOpCase
{
    private readonly OnnxModelBuilder _model;
    private readonly Dictionary<string, Tensor> _inputs = new();
    private readonly List<string> _inputNames = new();
    private readonly List<string> _outputNames = new();

    public TensorOpCase(int opset) => _model = new OnnxModelBuilder(opset);

    public TensorOpCase In(Tensor t)
    {
        _model.Graph.Input(t.Name, t.Type, t.Shape.ToArray().Cast<object?>().ToArray());
        _inputs[t.Name] = t;
        _inputNames.Add(t.Name);
        return this;
    }

    /// <summary>An omitted optional input.</summary>
    public TensorOpCase Skip()
    {
        _inputNames.Add("");
        return this;
    }

    public TensorOpCase Out(string name, DataType type)
    {
        _model.Graph.Output(name, type, null);
        _outputNames.Add(name);
        return this;
    }

    public void Check(string op, Action<OnnxNodeBuilder>? attributes = null, double rtol = 1e-4, double atol = 1e-5)
    {
        var node = _model.Graph.Node(op, _inputNames.ToArray(), _outputNames.ToArray());
        attributes?.Invoke(node);
        OpTester.AssertMatchesOrt(_model, _inputs, rtol, atol);
    }

    /// <summary>Runs the model in one session and returns the managed bytes a run allocates in steady state.</summary>
    public long SteadyStateAllocatedBytes(string op, Action<OnnxNodeBuilder>? attributes = null)
    {
        var node = _model.Graph.Node(op, _inputNames.ToArray(), _outputNames.ToArray());
        attributes?.Invoke(node);
        var compiled = EdgeML.Compiler.ModelCompiler.Compile(OnnxImporter.Load(_model.ToBytes(), null), new EdgeML.Compiler.CompileOptions());
        using var model = EdgeML.Runtime.Execution.EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new EdgeML.Runtime.Execution.InferenceSession(model);
        foreach (var (name, t) in _inputs) session.Input(name).CopyFrom(t);
        return AllocationMeter.SteadyStateBytes(session.Run, warmup: 2, runsPerWindow: 1);
    }

    /// <summary>Runs on ONNX Runtime only.</summary>
    public List<Tensor> RunOrt(string op, Action<OnnxNodeBuilder>? attributes = null)
    {
        var node = _model.Graph.Node(op, _inputNames.ToArray(), _outputNames.ToArray());
        attributes?.Invoke(node);
        return OpTester.RunOrt(_model.ToBytes(), _inputs);
    }

    /// <summary>Runs on EdgeML only and returns the outputs (for checks against known values).</summary>
    public List<Tensor> RunEdgeML(string op, Action<OnnxNodeBuilder>? attributes = null)
    {
        var node = _model.Graph.Node(op, _inputNames.ToArray(), _outputNames.ToArray());
        attributes?.Invoke(node);
        return OpTester.RunEdgeML(_model.ToBytes(), _inputs);
    }
}

/// <summary>Test tensors of any element type from a fixed seed.</summary>
internal static class TensorData
{
    public static Tensor Random(string name, DataType type, long[] shape, int seed = 1)
    {
        var rng = new Random(seed);
        var t = new Tensor(name);
        t.Allocate(type, shape);
        for (int i = 0; i < t.Length; i++)
        {
            switch (type)
            {
                case DataType.Float: t.Span<float>()[i] = (float)(rng.NextDouble() * 2 - 1); break;
                case DataType.Double: t.Span<double>()[i] = rng.NextDouble() * 2 - 1; break;
                case DataType.Float16: t.Span<Half>()[i] = (Half)(rng.NextDouble() * 2 - 1); break;
                case DataType.BFloat16: t.Span<ushort>()[i] = BFloat16.FromSingle((float)(rng.NextDouble() * 2 - 1)); break;
                case DataType.Int8: t.Span<sbyte>()[i] = (sbyte)rng.Next(-100, 100); break;
                case DataType.UInt8: t.Span<byte>()[i] = (byte)rng.Next(0, 250); break;
                case DataType.Int16: t.Span<short>()[i] = (short)rng.Next(-1000, 1000); break;
                case DataType.UInt16: t.Span<ushort>()[i] = (ushort)rng.Next(0, 60000); break;
                case DataType.Int32: t.Span<int>()[i] = rng.Next(-100000, 100000); break;
                case DataType.UInt32: t.Span<uint>()[i] = (uint)rng.Next(0, int.MaxValue); break;
                case DataType.Int64: t.Span<long>()[i] = rng.NextInt64(-(1L << 40), 1L << 40); break;
                case DataType.UInt64: t.Span<ulong>()[i] = (ulong)rng.NextInt64(0, long.MaxValue); break;
                case DataType.Bool: t.Span<byte>()[i] = (byte)rng.Next(0, 2); break;
                case DataType.String: t.Strings[i] = "s" + rng.Next(0, 1000); break;
                default: throw new ArgumentException($"no random data for {type}");
            }
        }
        return t;
    }

    /// <summary>Small integers (so that ties and duplicates occur) in any numeric type.</summary>
    public static Tensor SmallInts(string name, DataType type, long[] shape, int max, int seed = 1)
    {
        var rng = new Random(seed);
        var t = new Tensor(name);
        t.Allocate(type, shape);
        for (int i = 0; i < t.Length; i++)
        {
            int v = rng.Next(0, max);
            switch (type)
            {
                case DataType.Float: t.Span<float>()[i] = v; break;
                case DataType.Double: t.Span<double>()[i] = v; break;
                case DataType.Float16: t.Span<Half>()[i] = (Half)v; break;
                case DataType.Int8: t.Span<sbyte>()[i] = (sbyte)v; break;
                case DataType.UInt8: t.Span<byte>()[i] = (byte)v; break;
                case DataType.Int32: t.Span<int>()[i] = v; break;
                case DataType.Int64: t.Span<long>()[i] = v; break;
                case DataType.String: t.Strings[i] = "v" + v; break;
                default: throw new ArgumentException($"no small ints for {type}");
            }
        }
        return t;
    }

    public static Tensor Int64s(string name, params long[] values) => OpTester.Make<long>(name, DataType.Int64, [values.Length], values);
    public static Tensor Int32s(string name, params int[] values) => OpTester.Make<int>(name, DataType.Int32, [values.Length], values);
    public static Tensor Floats(string name, long[] shape, params float[] values) => OpTester.Make<float>(name, DataType.Float, shape, values);
    public static Tensor ScalarInt64(string name, long value) => OpTester.Make<long>(name, DataType.Int64, [], value);
}
