using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels;

/// <summary>What a kernel factory may look at: the node, its attributes, and which inputs are
/// constants (so that weights can be prepacked once).</summary>
public sealed class KernelInfo
{
    internal KernelInfo(NodeDefinition node, ModelDefinition model)
    {
        Node = node;
        Model = model;
    }

    public NodeDefinition Node { get; }
    public ModelDefinition Model { get; }
    public AttributeSet Attributes => Node.Attributes;
    public int Version => Node.Version;
    public int InputCount => Node.Inputs.Length;
    public int OutputCount => Node.Outputs.Length;

    public bool HasInput(int i) => i < Node.Inputs.Length && Node.Inputs[i] >= 0;
    public bool HasOutput(int i) => i < Node.Outputs.Length && Node.Outputs[i] >= 0;

    /// <summary>The constant data of input <paramref name="i"/>, or null when it is computed at run time.</summary>
    public ConstantTensor? ConstantInput(int i) => HasInput(i) ? Model.Values[Node.Inputs[i]].Constant : null;

    /// <summary>The declared element type of input <paramref name="i"/> (Undefined when unknown).</summary>
    public DataType InputType(int i) => HasInput(i) ? Model.Values[Node.Inputs[i]].Type : DataType.Undefined;
    public DataType OutputType(int i) => HasOutput(i) ? Model.Values[Node.Outputs[i]].Type : DataType.Undefined;

    /// <summary>The session's worker threads for intra-op parallelism (null: run on the calling thread only).</summary>
    public Cpu.WorkerPool? Workers { get; init; }

    public EdgeMLException Error(string message) => new($"{Node.Describe()}: {message}");
}
