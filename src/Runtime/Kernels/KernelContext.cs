using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels;

/// <summary>The view a kernel has of one execution of its node: inputs, outputs and, for control
/// flow, the ability to run a subgraph. One instance per session, re-pointed at each node.</summary>
public sealed class KernelContext
{
    private readonly GraphExecutor _executor;
    private readonly Tensor[] _values;
    private NodeDefinition _node = null!;

    internal KernelContext(GraphExecutor executor, Tensor[] values)
    {
        _executor = executor;
        _values = values;
    }

    internal void Bind(NodeDefinition node) => _node = node;

    public NodeDefinition Node => _node;
    public int InputCount => _node.Inputs.Length;
    public int OutputCount => _node.Outputs.Length;

    public bool HasInput(int i) => i < _node.Inputs.Length && _node.Inputs[i] >= 0;
    public bool HasOutput(int i) => i < _node.Outputs.Length && _node.Outputs[i] >= 0;

    /// <summary>Input <paramref name="i"/>; throws when an optional input is omitted.</summary>
    public Tensor Input(int i)
    {
        if (!HasInput(i)) throw Error($"input {i} is required but missing");
        return _values[_node.Inputs[i]];
    }

    /// <summary>Input <paramref name="i"/>, or null when it is omitted (or an empty optional).</summary>
    public Tensor? OptionalInput(int i)
    {
        if (!HasInput(i)) return null;
        var t = _values[_node.Inputs[i]];
        return t.Kind == ValueKind.None ? null : t;
    }

    public Tensor Output(int i)
    {
        if (!HasOutput(i)) throw Error($"output {i} is not connected");
        return _values[_node.Outputs[i]];
    }

    /// <summary>Output <paramref name="i"/>, or null when the model does not use it.</summary>
    public Tensor? OptionalOutput(int i) => HasOutput(i) ? _values[_node.Outputs[i]] : null;

    /// <summary>Any value of the model by index (subgraph inputs and outputs).</summary>
    public Tensor Value(int index) => _values[index];

    public GraphDefinition Graph(int index) => _executor.Model.Graphs[index];

    /// <summary>Runs subgraph <paramref name="graphIndex"/>; its inputs must be set first. Restores this
    /// context's node afterwards, so the calling kernel can go on reading its inputs.</summary>
    public void RunGraph(int graphIndex)
    {
        var node = _node;
        _executor.RunGraph(graphIndex);
        _node = node;
    }

    public EdgeMLException Error(string message) => new($"{_node.Describe()}: {message}");
}
