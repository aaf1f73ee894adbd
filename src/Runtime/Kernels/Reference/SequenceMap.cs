using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// SequenceMap (opset 17): runs <c>body</c> once per item of the input sequence. Body input 0 is
/// the item; each further body input is the same-position item of an additional sequence input,
/// or an additional tensor input unchanged. Each body output is collected into an output sequence.
/// </summary>
public sealed class SequenceMap : Kernel
{
    private readonly int _body;
    private readonly DataType[] _outputTypes;

    private SequenceMap(int body, DataType[] outputTypes)
    {
        _body = body;
        _outputTypes = outputTypes;
    }

    public static Kernel Create(KernelInfo info)
    {
        int body = info.Attributes.GetGraph("body");
        if (body < 0) throw info.Error("needs the graph attribute 'body'");
        var graph = info.Model.Graphs[body];
        if (graph.Inputs.Length != info.InputCount) throw info.Error($"the body takes {graph.Inputs.Length} inputs but the node has {info.InputCount}");
        if (graph.Outputs.Length < info.OutputCount) throw info.Error($"the body returns {graph.Outputs.Length} outputs but the node has {info.OutputCount}");
        var types = new DataType[info.OutputCount];
        for (int k = 0; k < types.Length; k++)
            types[k] = info.OutputType(k) != DataType.Undefined ? info.OutputType(k) : SubgraphValues.DeclaredType(info.Model, graph.Outputs[k]);
        return new SequenceMap(body, types);
    }

    public override void Execute(KernelContext context)
    {
        var body = context.Graph(_body);
        var sequence = SequenceInputs.Sequence(context, 0);
        int count = sequence.Items.Count;
        for (int i = 1; i < context.InputCount; i++)
        {
            var extra = context.Input(i);
            if (extra.Kind == ValueKind.Sequence && extra.Items.Count != count)
                throw context.Error($"sequence input {i} has {extra.Items.Count} items but input 0 has {count}");
        }
        for (int k = 0; k < context.OutputCount; k++) context.OptionalOutput(k)?.SetSequence(_outputTypes[k]);

        for (int n = 0; n < count; n++)
        {
            context.Value(body.Inputs[0]).CopyFrom(sequence.Items[n]);
            for (int i = 1; i < context.InputCount; i++)
            {
                var extra = context.Input(i);
                context.Value(body.Inputs[i]).CopyFrom(extra.Kind == ValueKind.Sequence ? extra.Items[n] : extra);
            }
            context.RunGraph(_body);
            for (int k = 0; k < context.OutputCount; k++)
            {
                var y = context.OptionalOutput(k);
                if (y == null) continue;
                var value = context.Value(body.Outputs[k]);
                if (n == 0) y.SetSequence(value.Type);
                y.AddItem().CopyFrom(value);
            }
        }
    }
}
