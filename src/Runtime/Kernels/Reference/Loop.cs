using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Loop (opsets 1-25): runs <c>body</c> while the iteration number is below the trip count M (when
/// given) and the condition holds: the cond input (true when omitted) before the first iteration,
/// then the body's condition output, whether or not cond was given (as ONNX Runtime and the ONNX
/// reference implementation do).
/// Inputs: M, cond, then N loop-carried initial values (tensors, sequences or optionals). The body
/// takes (iteration number, condition, N carried values) and returns (condition, N carried values,
/// K scan outputs). Outputs: the N final carried values, then the K scan outputs, each the body's
/// per-iteration tensors stacked along a new first axis. The body reads outer-scope values directly.
/// </summary>
public sealed class Loop : Kernel
{
    private readonly int _body;
    private readonly int _carried;
    private readonly int _scans;
    /// <summary>State of carried values whose node output the model does not use.</summary>
    private readonly Tensor[] _state;
    /// <summary>Per scan output, the value of each iteration so far (tensors reused across runs).</summary>
    private readonly List<Tensor>[] _scanItems;
    /// <summary>Per scan output, its type and shape after zero iterations: [0, declared shape].</summary>
    private readonly DataType[] _emptyTypes;
    private readonly long[][] _emptyShapes;

    private Loop(KernelInfo info, int body, int carried, int scans)
    {
        _body = body;
        _carried = carried;
        _scans = scans;
        _state = new Tensor[carried];
        for (int i = 0; i < carried; i++) _state[i] = new Tensor("loop-state");
        _scanItems = new List<Tensor>[scans];
        for (int i = 0; i < scans; i++) _scanItems[i] = new List<Tensor>();
        _emptyTypes = new DataType[scans];
        _emptyShapes = new long[scans][];
        var outputs = info.Model.Graphs[body].Outputs;
        Span<long> dims = stackalloc long[Broadcast.MaxRank];
        for (int j = 0; j < scans; j++)
        {
            int value = outputs[1 + carried + j];
            int rank = SubgraphValues.DeclaredShape(info.Model, value, dims);
            _emptyTypes[j] = SubgraphValues.DeclaredType(info.Model, value);
            _emptyShapes[j] = [0, .. dims[..Math.Max(rank, 0)]];
        }
    }

    public static Kernel Create(KernelInfo info)
    {
        int body = info.Attributes.GetGraph("body");
        if (body < 0) throw info.Error("needs the graph attribute 'body'");
        var graph = info.Model.Graphs[body];
        int carried = info.InputCount - 2;
        if (carried < 0) throw info.Error("needs the inputs M and cond (either may be empty)");
        if (graph.Inputs.Length != 2 + carried)
            throw info.Error($"the body takes {graph.Inputs.Length} inputs; it must take 2 + {carried} (iteration number, condition, loop-carried values)");
        int scans = graph.Outputs.Length - 1 - carried;
        if (scans < 0) throw info.Error($"the body returns {graph.Outputs.Length} outputs; it must return at least 1 + {carried} (condition, loop-carried values)");
        if (info.OutputCount > carried + scans) throw info.Error($"the node has {info.OutputCount} outputs; the body gives {carried} loop-carried values and {scans} scan outputs");
        return new Loop(info, body, carried, scans);
    }

    public override void Execute(KernelContext context)
    {
        var body = context.Graph(_body);
        var tripCount = context.OptionalInput(0);
        var condInput = context.OptionalInput(1);
        long max = tripCount != null ? KernelHelpers.ReadInt64Scalar(tripCount) : long.MaxValue;
        bool cond = condInput == null || SubgraphValues.ReadBool(condInput, "cond");

        for (int k = 0; k < _carried; k++)
        {
            var initial = context.HasInput(2 + k) ? context.Input(2 + k) : throw context.Error($"loop-carried input {2 + k} is missing");
            State(context, k).CopyFrom(initial);
        }

        long iteration = 0;
        while (iteration < max && cond)
        {
            SubgraphValues.SetInt64(context.Value(body.Inputs[0]), iteration);
            SubgraphValues.SetBool(context.Value(body.Inputs[1]), cond);
            for (int k = 0; k < _carried; k++) context.Value(body.Inputs[2 + k]).CopyFrom(State(context, k));
            context.RunGraph(_body);
            cond = SubgraphValues.ReadBool(context.Value(body.Outputs[0]), "the body's condition output");
            for (int k = 0; k < _carried; k++) State(context, k).CopyFrom(context.Value(body.Outputs[1 + k]));
            for (int j = 0; j < _scans; j++)
            {
                var value = context.Value(body.Outputs[1 + _carried + j]);
                if (value.Kind != ValueKind.Tensor) throw context.Error($"scan output {j} of the body must be a tensor, not a {value.Kind.ToString().ToLowerInvariant()}");
                if (!context.HasOutput(_carried + j)) continue;
                var items = _scanItems[j];
                if (iteration >= items.Count) items.Add(new Tensor(value.Name));
                items[(int)iteration].CopyFrom(value);
            }
            iteration++;
        }

        for (int j = 0; j < _scans; j++)
        {
            var y = context.OptionalOutput(_carried + j);
            if (y == null) continue;
            if (iteration == 0) y.Allocate(_emptyTypes[j], _emptyShapes[j]);
            else Stack(context, _scanItems[j], (int)iteration, y);
        }
    }

    /// <summary>Where carried value k lives between iterations: the node's output, or a private tensor.</summary>
    private Tensor State(KernelContext context, int k) => context.OptionalOutput(k) ?? _state[k];

    /// <summary>Stacks the first <paramref name="count"/> (at least one) items along a new first axis.</summary>
    private static void Stack(KernelContext context, List<Tensor> items, int count, Tensor y)
    {
        Span<long> dims = stackalloc long[Broadcast.MaxRank + 1];
        var first = items[0];
        if (first.Rank > Broadcast.MaxRank) throw context.Error($"scan output rank {first.Rank} exceeds {Broadcast.MaxRank}");
        dims[0] = count;
        first.Shape.CopyTo(dims[1..]);
        y.Allocate(first.Type, dims[..(1 + first.Rank)]);
        long size = first.Length;
        for (int i = 0; i < count; i++)
        {
            var item = items[i];
            if (item.Type != first.Type || !item.Shape.SequenceEqual(first.Shape))
                throw context.Error($"scan output changes from {DataTypeInfo.Name(first.Type)}{Tensor.ShapeText(first.Shape)} to {DataTypeInfo.Name(item.Type)}{Tensor.ShapeText(item.Shape)} at iteration {i}");
            ElementCopy.Copy(item, 0, y, i * size, size);
        }
    }
}
