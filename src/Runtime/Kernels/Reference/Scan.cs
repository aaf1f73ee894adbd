using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Scan: runs <c>body</c> once per position of the scanned axis, carrying N state variables and
/// feeding one slice of each of the M scan inputs; each of the K scan outputs stacks the body's
/// per-iteration tensors. The body takes (N states, M slices) and returns (N states, K elements).
/// <para>Opset 9 and later: inputs are (N initial states, M scan inputs); scan_input_axes and
/// scan_input_directions choose the axis and direction of each scan input, scan_output_axes and
/// scan_output_directions (0 appends, 1 prepends) those of each scan output.</para>
/// <para>Opset 8: the first input is the optional sequence_lens, every input and output has a leading
/// batch axis and scan inputs are scanned along axis 1. Each batch entry runs its own recurrence over
/// its first sequence_lens[b] positions (<c>directions</c> reverses a scan input); scan outputs are
/// zero past a batch entry's length.</para>
/// </summary>
public sealed class Scan : Kernel
{
    private readonly int _body;
    private readonly bool _batched;
    private readonly int _states;
    private readonly int _inputs;
    private readonly int _outputs;
    private readonly long[] _inputAxes;
    private readonly bool[] _inputReversed;
    private readonly long[] _outputAxes;
    private readonly bool[] _outputReversed;
    private readonly DataType[] _emptyTypes;
    private readonly long[]?[] _declaredShapes;
    /// <summary>The states between iterations (also where unused state outputs go).</summary>
    private readonly Tensor[] _state;

    private Scan(KernelInfo info, int body, bool batched, int states, int inputs, int outputs)
    {
        _body = body;
        _batched = batched;
        _states = states;
        _inputs = inputs;
        _outputs = outputs;
        _inputAxes = ReadList(info, batched ? null : "scan_input_axes", inputs, 0);
        _inputReversed = Flags(info, ReadList(info, batched ? "directions" : "scan_input_directions", inputs, 0), "direction");
        _outputAxes = ReadList(info, batched ? null : "scan_output_axes", outputs, 0);
        _outputReversed = Flags(info, ReadList(info, batched ? null : "scan_output_directions", outputs, 0), "scan output direction");
        _state = new Tensor[states];
        for (int i = 0; i < states; i++) _state[i] = new Tensor("scan-state");
        _emptyTypes = new DataType[outputs];
        _declaredShapes = new long[]?[outputs];
        var bodyOutputs = info.Model.Graphs[body].Outputs;
        Span<long> dims = stackalloc long[Broadcast.MaxRank];
        for (int j = 0; j < outputs; j++)
        {
            int value = bodyOutputs[states + j];
            _emptyTypes[j] = SubgraphValues.DeclaredType(info.Model, value);
            int rank = SubgraphValues.DeclaredShape(info.Model, value, dims);
            _declaredShapes[j] = rank < 0 ? null : dims[..rank].ToArray();
        }
    }

    public static Kernel Create(KernelInfo info)
    {
        int body = info.Attributes.GetGraph("body");
        if (body < 0) throw info.Error("needs the graph attribute 'body'");
        var graph = info.Model.Graphs[body];
        bool batched = info.Version < 9;
        long m = info.Attributes.GetInt("num_scan_inputs", -1);
        int given = info.InputCount - (batched ? 1 : 0);
        if (m < 1 || m > given) throw info.Error($"num_scan_inputs must be between 1 and {given}, not {m}");
        int states = given - (int)m;
        if (graph.Inputs.Length != given) throw info.Error($"the body takes {graph.Inputs.Length} inputs; it must take {states} states + {m} scan inputs");
        int outputs = graph.Outputs.Length - states;
        if (outputs < 0) throw info.Error($"the body returns {graph.Outputs.Length} outputs; it must return at least the {states} states");
        if (info.OutputCount > states + outputs) throw info.Error($"the node has {info.OutputCount} outputs; the body gives {states} states and {outputs} scan outputs");
        return new Scan(info, body, batched, states, (int)m, outputs);
    }

    private static long[] ReadList(KernelInfo info, string? name, int count, long fallback)
    {
        var values = name == null ? null : info.Attributes.GetIntsOrNull(name);
        if (values == null)
        {
            var result = new long[count];
            Array.Fill(result, fallback);
            return result;
        }
        if (values.Length != count) throw info.Error($"'{name}' must have {count} values, not {values.Length}");
        return values;
    }

    private static bool[] Flags(KernelInfo info, long[] values, string what)
    {
        var result = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is not (0 or 1)) throw info.Error($"{what} {i} must be 0 or 1, not {values[i]}");
            result[i] = values[i] == 1;
        }
        return result;
    }

    public override void Execute(KernelContext context)
    {
        if (_batched) ExecuteBatched(context);
        else ExecuteScan(context);
    }

    private void ExecuteScan(KernelContext context)
    {
        var body = context.Graph(_body);
        long length = -1;
        for (int i = 0; i < _inputs; i++)
        {
            var x = context.Input(_states + i);
            int axis = KernelHelpers.NormalizeAxis(_inputAxes[i], x.Rank, "scan_input_axes value");
            if (length < 0) length = x.Dim(axis);
            else if (x.Dim(axis) != length) throw context.Error($"scan input {i} has {x.Dim(axis)} positions along axis {axis}; the first has {length}");
        }
        for (int s = 0; s < _states; s++) _state[s].CopyFrom(context.Input(s));

        for (long t = 0; t < length; t++)
        {
            for (int s = 0; s < _states; s++) context.Value(body.Inputs[s]).CopyFrom(_state[s]);
            for (int i = 0; i < _inputs; i++)
            {
                var x = context.Input(_states + i);
                int axis = KernelHelpers.NormalizeAxis(_inputAxes[i], x.Rank, "scan_input_axes value");
                Slice(x, axis, _inputReversed[i] ? length - 1 - t : t, context.Value(body.Inputs[_states + i]));
            }
            context.RunGraph(_body);
            for (int s = 0; s < _states; s++) _state[s].CopyFrom(context.Value(body.Outputs[s]));
            for (int j = 0; j < _outputs; j++)
            {
                var y = context.OptionalOutput(_states + j);
                if (y == null) continue;
                var element = Element(context, body.Outputs[_states + j], j);
                int axis = KernelHelpers.NormalizeAxis(_outputAxes[j], element.Rank + 1, "scan_output_axes value");
                if (t == 0) AllocateStacked(y, element.Type, element.Shape, axis, length);
                Place(context, element, y, axis, _outputReversed[j] ? length - 1 - t : t, -1);
            }
        }

        for (int s = 0; s < _states; s++) context.OptionalOutput(s)?.CopyFrom(_state[s]);
        if (length > 0) return;
        for (int j = 0; j < _outputs; j++)
        {
            var y = context.OptionalOutput(_states + j);
            if (y != null) AllocateEmpty(y, j, 0);
        }
    }

    /// <summary>Opset 8: a leading batch axis everywhere, one recurrence per batch entry.</summary>
    private void ExecuteBatched(KernelContext context)
    {
        var body = context.Graph(_body);
        var lengths = context.OptionalInput(0);
        long batch = -1, maxLength = -1;
        for (int i = 0; i < _states + _inputs; i++)
        {
            var x = context.Input(1 + i);
            if (x.Rank < (i < _states ? 1 : 2)) throw context.Error($"input {1 + i} needs a batch axis{(i < _states ? "" : " and a sequence axis")}, but has shape {Tensor.ShapeText(x.Shape)}");
            if (batch < 0) batch = x.Dim(0);
            else if (x.Dim(0) != batch) throw context.Error($"input {1 + i} has batch size {x.Dim(0)}; the first input has {batch}");
            if (i < _states) continue;
            if (maxLength < 0) maxLength = x.Dim(1);
            else if (x.Dim(1) != maxLength) throw context.Error($"scan input {i - _states} has sequence length {x.Dim(1)}; the first has {maxLength}");
        }
        if (lengths != null && (lengths.Rank != 1 || lengths.Dim(0) != batch))
            throw context.Error($"sequence_lens must have shape [{batch}], not {Tensor.ShapeText(lengths.Shape)}");
        for (int s = 0; s < _states; s++)
        {
            var y = context.OptionalOutput(s);
            if (y != null) y.AllocateLike(context.Input(1 + s));
        }
        var allocated = OutputsAllocated(_outputs);
        allocated.Clear();

        for (long b = 0; b < batch; b++)
        {
            long length = lengths == null ? maxLength : SequenceLength(context, lengths, (int)b);
            if (length < 0 || length > maxLength) throw context.Error($"sequence_lens[{b}] is {length}, outside [0, {maxLength}]");
            for (int s = 0; s < _states; s++) Slice(context.Input(1 + s), 0, b, _state[s]);
            for (long t = 0; t < length; t++)
            {
                for (int s = 0; s < _states; s++) context.Value(body.Inputs[s]).CopyFrom(_state[s]);
                for (int i = 0; i < _inputs; i++)
                {
                    var x = context.Input(1 + _states + i);
                    long position = _inputReversed[i] ? length - 1 - t : t;
                    SliceBatched(x, b, position, context.Value(body.Inputs[_states + i]));
                }
                context.RunGraph(_body);
                for (int s = 0; s < _states; s++) _state[s].CopyFrom(context.Value(body.Outputs[s]));
                for (int j = 0; j < _outputs; j++)
                {
                    var y = context.OptionalOutput(_states + j);
                    if (y == null) continue;
                    var element = Element(context, body.Outputs[_states + j], j);
                    if (!allocated[j])
                    {
                        AllocateBatched(y, element, batch, maxLength);
                        allocated[j] = true;
                    }
                    Place(context, element, y, 1, t, b);
                }
            }
            for (int s = 0; s < _states; s++)
            {
                var y = context.OptionalOutput(s);
                if (y == null) continue;
                var state = _state[s];
                long size = y.Rank == 0 ? 0 : y.Length / y.Dim(0);
                if (state.Type != y.Type || state.Length != size) throw context.Error($"state {s} changes from {Tensor.ShapeText(y.Shape[1..])} to {Tensor.ShapeText(state.Shape)}");
                ElementCopy.Copy(state, 0, y, b * size, size);
            }
        }
        for (int j = 0; j < _outputs; j++)
        {
            var y = context.OptionalOutput(_states + j);
            if (y != null && !allocated[j]) AllocateEmpty(y, j, batch, maxLength);
        }
    }

    private static long SequenceLength(KernelContext context, Tensor lengths, int b) => lengths.Type switch
    {
        DataType.Int64 => lengths.ReadOnlySpan<long>()[b],
        DataType.Int32 => lengths.ReadOnlySpan<int>()[b],
        _ => throw context.Error($"sequence_lens must be int64, not {DataTypeInfo.Name(lengths.Type)}"),
    };

    private bool[] _allocated = [];

    private Span<bool> OutputsAllocated(int count)
    {
        if (_allocated.Length < count) _allocated = new bool[count];
        return _allocated.AsSpan(0, count);
    }

    private static Tensor Element(KernelContext context, int value, int j)
    {
        var element = context.Value(value);
        if (element.Kind != ValueKind.Tensor) throw context.Error($"scan output {j} of the body must be a tensor");
        if (element.Rank >= Broadcast.MaxRank) throw context.Error($"scan output {j} has rank {element.Rank}; at most {Broadcast.MaxRank - 1} is supported");
        return element;
    }

    /// <summary>Writes into <paramref name="dst"/> the slice of <paramref name="x"/> at
    /// <paramref name="position"/> along <paramref name="axis"/> (that axis removed).</summary>
    private static void Slice(Tensor x, int axis, long position, Tensor dst)
    {
        Span<long> dims = stackalloc long[Math.Max(x.Rank - 1, 0)];
        for (int d = 0, k = 0; d < x.Rank; d++) if (d != axis) dims[k++] = x.Dim(d);
        dst.Allocate(x.Type, dims);
        long outer = KernelHelpers.Product(x.Shape, 0, axis);
        long inner = KernelHelpers.Product(x.Shape, axis + 1, x.Rank);
        long length = x.Dim(axis);
        for (long o = 0; o < outer; o++) ElementCopy.Copy(x, (o * length + position) * inner, dst, o * inner, inner);
    }

    /// <summary>Opset 8: x[b, position, ...] into <paramref name="dst"/>.</summary>
    private static void SliceBatched(Tensor x, long b, long position, Tensor dst)
    {
        dst.Allocate(x.Type, x.Shape[2..]);
        long inner = KernelHelpers.Product(x.Shape, 2, x.Rank);
        ElementCopy.Copy(x, (b * x.Dim(1) + position) * inner, dst, 0, inner);
    }

    /// <summary>Shapes a scan output: the element's shape with <paramref name="length"/> inserted at <paramref name="axis"/>.</summary>
    private static void AllocateStacked(Tensor y, DataType type, ReadOnlySpan<long> element, int axis, long length)
    {
        Span<long> dims = stackalloc long[element.Length + 1];
        for (int d = 0, k = 0; d < dims.Length; d++) dims[d] = d == axis ? length : element[k++];
        y.Allocate(type, dims);
    }

    /// <summary>Opset 8: [batch, max length, element shape], zero-filled (the padding past each length).</summary>
    private static void AllocateBatched(Tensor y, Tensor element, long batch, long maxLength)
    {
        Span<long> dims = stackalloc long[element.Rank + 2];
        dims[0] = batch;
        dims[1] = maxLength;
        element.Shape.CopyTo(dims[2..]);
        y.Allocate(element.Type, dims);
        ElementCopy.Clear(y);
    }

    /// <summary>A scan output after no iteration: the declared element shape with 0 positions on its
    /// scan axis (and the batch axis first for opset 8); [0] when the element shape is not declared.</summary>
    private void AllocateEmpty(Tensor y, int j, long batch, long maxLength = 0)
    {
        var declared = _declaredShapes[j];
        Span<long> dims = stackalloc long[(declared?.Length ?? 0) + 2];
        int rank;
        if (_batched)
        {
            dims[0] = batch;
            dims[1] = maxLength;
            declared?.CopyTo(dims[2..]);
            rank = 2 + (declared?.Length ?? 0);
        }
        else if (declared == null)
        {
            dims[0] = 0;
            rank = 1;
        }
        else
        {
            int axis = KernelHelpers.NormalizeAxis(_outputAxes[j], declared.Length + 1, "scan_output_axes value");
            for (int d = 0, k = 0; d <= declared.Length; d++) dims[d] = d == axis ? 0 : declared[k++];
            rank = declared.Length + 1;
        }
        y.Allocate(_emptyTypes[j], dims[..rank]);
        ElementCopy.Clear(y);
    }

    /// <summary>Copies <paramref name="element"/> into <paramref name="y"/> at <paramref name="position"/>
    /// along <paramref name="axis"/>; for opset 8, <paramref name="batch"/> (otherwise -1) is the
    /// entry of y's leading batch axis and the axis is 1.</summary>
    private static void Place(KernelContext context, Tensor element, Tensor y, int axis, long position, long batch)
    {
        int batchAxes = batch >= 0 ? 1 : 0;
        bool same = element.Type == y.Type && element.Rank + 1 + batchAxes == y.Rank;
        for (int d = 0, k = 0; same && d < y.Rank; d++)
        {
            if (d == axis || (batchAxes == 1 && d == 0)) continue;
            same = element.Dim(k++) == y.Dim(d);
        }
        if (!same) throw context.Error($"a scan output changes between iterations: {DataTypeInfo.Name(element.Type)}{Tensor.ShapeText(element.Shape)} does not fit {DataTypeInfo.Name(y.Type)}{Tensor.ShapeText(y.Shape)}");
        long length = y.Dim(axis);
        if (batchAxes == 1)
        {
            long inner = element.Length;
            ElementCopy.Copy(element, 0, y, (batch * length + position) * inner, inner);
            return;
        }
        long outer = KernelHelpers.Product(element.Shape, 0, axis);
        long rest = KernelHelpers.Product(element.Shape, axis, element.Rank);
        for (long o = 0; o < outer; o++) ElementCopy.Copy(element, o * rest, y, (o * length + position) * rest, rest);
    }
}
