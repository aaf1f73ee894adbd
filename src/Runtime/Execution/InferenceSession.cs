using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Execution;

/// <summary>
/// Runs a model. Created once: it allocates the arena of the memory plan, one tensor per value and
/// one kernel per node. Each <see cref="Run"/> then allocates nothing (as long as shapes stay
/// within what was seen before): write the inputs into <see cref="Input(string)"/>, call Run, read
/// <see cref="Output(string)"/>. Not thread-safe: use one session per thread.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly EdgeMLModel _model;
    private readonly bool _ownsModel;
    private readonly Tensor[] _values;
    private readonly NativeBuffer _arena;
    private readonly GraphExecutor _executor;
    private readonly int[] _inputIndex;
    private readonly int[] _outputIndex;
    private readonly string[] _symbols;
    private readonly long[] _boundSymbols;

    private readonly Cpu.WorkerPool? _workers;

    public InferenceSession(EdgeMLModel model) : this(model, false, null) { }

    /// <summary>A session with <paramref name="options"/> (intra-op threads).</summary>
    public InferenceSession(EdgeMLModel model, SessionOptions options) : this(model, false, options) { }

    private InferenceSession(EdgeMLModel model, bool ownsModel, SessionOptions? options)
    {
        _model = model;
        _ownsModel = ownsModel;
        if (options != null && options.IntraOpThreads > 1) _workers = new Cpu.WorkerPool(options.IntraOpThreads);
        var def = model.Definition;
        _values = new Tensor[def.Values.Length];
        _arena = new NativeBuffer(def.Plan.ArenaSize);
        for (int i = 0; i < _values.Length; i++)
        {
            var v = def.Values[i];
            var t = new Tensor(v.Name);
            if (v.Constant is { } c) t.BindConstant(c.Type, c.Shape, c.Pointer, c.ByteLength, c.Strings);
            else if (def.Plan.Offsets[i] >= 0) t.SetPlannedSlot(_arena.Pointer + def.Plan.Offsets[i], def.Plan.Sizes[i]);
            if (options != null) t.MaxBytes = Math.Max(0, options.MaxTensorBytes);
            _values[i] = t;
        }
        _inputIndex = def.Main.Inputs.Where(i => def.Values[i].Constant == null).ToArray();
        _outputIndex = def.Main.Outputs;
        Inputs = _inputIndex.Select(i => Info(def.Values[i])).ToArray();
        Outputs = _outputIndex.Select(i => Info(def.Values[i])).ToArray();
        _symbols = Inputs.SelectMany(x => x.Shape ?? []).Where(d => !d.IsFixed && d.Symbol != null).Select(d => d.Symbol!).Distinct().ToArray();
        _boundSymbols = new long[_symbols.Length];
        _executor = new GraphExecutor(def, _values, _workers);
    }

    /// <summary>Loads <paramref name="path"/> (memory-mapped) and opens a session that owns it.</summary>
    public static InferenceSession Open(string path) => new(EdgeMLModel.Load(path), true, null);

    public EdgeMLModel Model => _model;
    public IReadOnlyList<TensorInfo> Inputs { get; }
    public IReadOnlyList<TensorInfo> Outputs { get; }
    public IReadOnlyDictionary<string, string> Metadata => _model.Definition.Metadata;

    /// <summary>Bytes of the arena planned by the compiler.</summary>
    public long ArenaBytes => _arena.Capacity;

    public Tensor Input(int index) => _values[_inputIndex[index]];
    public Tensor Output(int index) => _values[_outputIndex[index]];

    public Tensor Input(string name)
    {
        for (int i = 0; i < Inputs.Count; i++) if (Inputs[i].Name == name) return Input(i);
        throw new EdgeMLException($"the model has no input '{name}' (inputs: {string.Join(", ", Inputs.Select(x => x.Name))})");
    }

    public Tensor Output(string name)
    {
        for (int i = 0; i < Outputs.Count; i++) if (Outputs[i].Name == name) return Output(i);
        throw new EdgeMLException($"the model has no output '{name}' (outputs: {string.Join(", ", Outputs.Select(x => x.Name))})");
    }

    /// <summary>Copies <paramref name="data"/> into input <paramref name="name"/> with the given shape.</summary>
    public void SetInput<T>(string name, ReadOnlySpan<T> data, ReadOnlySpan<long> shape, DataType type) where T : unmanaged
    {
        var t = Input(name);
        t.Allocate(type, shape);
        var dst = t.Span<T>();
        if (dst.Length != data.Length) throw new EdgeMLException($"input '{name}': {data.Length} values given for shape {Tensor.ShapeText(shape)}");
        data.CopyTo(dst);
    }

    /// <summary>Runs the model on the current inputs.</summary>
    public void Run()
    {
        ValidateInputs();
        _executor.RunGraph(0);
    }

    /// <summary>Called after every node (shape probes, profiling). Null to switch off.</summary>
    public Action<NodeDefinition>? AfterNode
    {
        get => _executor.AfterNode;
        set => _executor.AfterNode = value;
    }

    /// <summary>The run-time value of any model value, by index (the compiler's shape probe reads them).</summary>
    public Tensor Value(int index) => _values[index];

    private void ValidateInputs()
    {
        var values = _model.Definition.Values;
        Array.Fill(_boundSymbols, -1);
        for (int k = 0; k < _inputIndex.Length; k++)
        {
            var info = Inputs[k];
            var t = _values[_inputIndex[k]];
            if (info.Kind != ValueKind.Tensor)
            {
                if (t.Kind != info.Kind && !(info.Kind == ValueKind.None)) throw new EdgeMLException($"input '{info.Name}' expects a {info.Kind.ToString().ToLowerInvariant()}");
                continue;
            }
            if (t.Kind == ValueKind.None && values[_inputIndex[k]].Kind == ValueKind.None) continue;
            if (t.Type == DataType.Undefined) throw new EdgeMLException($"input '{info.Name}' was not set");
            if (info.Type != DataType.Undefined && t.Type != info.Type)
                throw new EdgeMLException($"input '{info.Name}' expects {DataTypeInfo.Name(info.Type)}, got {DataTypeInfo.Name(t.Type)}");
            if (info.Shape is not { } shape) continue;
            if (shape.Length != t.Rank)
                throw new EdgeMLException($"input '{info.Name}' expects shape {info.ShapeText}, got {Tensor.ShapeText(t.Shape)}");
            for (int d = 0; d < shape.Length; d++)
            {
                long actual = t.Dim(d);
                if (shape[d].IsFixed)
                {
                    if (shape[d].Size != actual) throw new EdgeMLException($"input '{info.Name}' expects shape {info.ShapeText}, got {Tensor.ShapeText(t.Shape)}");
                }
                else if (shape[d].Symbol is { } sym)
                {
                    int s = Array.IndexOf(_symbols, sym);
                    if (_boundSymbols[s] < 0) _boundSymbols[s] = actual;
                    else if (_boundSymbols[s] != actual)
                        throw new EdgeMLException($"input '{info.Name}': dimension '{sym}' is {actual} here but {_boundSymbols[s]} in another input");
                }
            }
        }
    }

    private static TensorInfo Info(ValueDefinition v) => new(v.Name, v.Type, v.Shape, v.Kind);

    public void Dispose()
    {
        foreach (var t in _values) t.Dispose();
        _arena.Dispose();
        _workers?.Dispose();
        if (_ownsModel) _model.Dispose();
    }
}
