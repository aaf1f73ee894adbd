using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// GRU (opsets 1, 3, 7, 14, 22): one gated recurrent unit layer, forward, reverse or bidirectional,
/// with optional bias, sequence lengths and initial state, clip, any activation functions, either
/// layout and both forms of the candidate state (linear_before_reset, from opset 3). Gate order in
/// W, R and B is z, r, h. Per step and batch entry:
/// <code>
/// z = f(Xt·Wzᵀ + Ht-1·Rzᵀ + Wbz + Rbz)      r = f(Xt·Wrᵀ + Ht-1·Rrᵀ + Wbr + Rbr)
/// h = g(Xt·Whᵀ + (r⊙Ht-1)·Rhᵀ + Rbh + Wbh)          (linear_before_reset = 0)
/// h = g(Xt·Whᵀ + r⊙(Ht-1·Rhᵀ + Rbh) + Wbh)          (linear_before_reset = 1)
/// Ht = (1 - z)⊙h + z⊙Ht-1
/// </code>
/// </summary>
public sealed class GRU : RecurrentKernel
{
    private readonly bool _linearBeforeReset;

    private GRU(KernelInfo info) : base(info, gates: 3, ["Sigmoid", "Tanh"], hasCellState: false)
        => _linearBeforeReset = info.Attributes.GetInt("linear_before_reset", 0) != 0;

    public static Kernel Create(KernelInfo info) => new GRU(info);

    protected override void Compute<T>(RecurrentShape s, RecurrentData<T> data)
    {
        int hidden = s.Hidden, input = s.Input;
        // gates: [z, r, Xt·Whᵀ + Wbh, Ht-1·Rhᵀ + Rbh (linear_before_reset)]; reset: r⊙Ht-1.
        var gates = Scratch<T>(11, 4 * hidden);
        var reset = Scratch<T>(12, hidden);
        for (int d = 0; d < s.Directions; d++)
        {
            var w = data.W.Slice(d * 3 * hidden * input, 3 * hidden * input);
            var r = data.R.Slice(d * 3 * hidden * hidden, 3 * hidden * hidden);
            var wb = data.B.IsEmpty ? default : data.B.Slice(d * 6 * hidden, 3 * hidden);
            var rb = data.B.IsEmpty ? default : data.B.Slice(d * 6 * hidden + 3 * hidden, 3 * hidden);
            var f = Activations[2 * d];
            var g = Activations[2 * d + 1];
            bool reverse = IsReverse(d);
            var rh = r.Slice(2 * hidden * hidden, hidden * hidden);
            for (int step = 0; step < s.Sequence; step++)
            {
                for (int b = 0; b < s.Batch; b++)
                {
                    int length = data.Lengths[b];
                    if (step >= length) continue;
                    int t = reverse ? length - 1 - step : step;
                    var x = data.X.Slice(s.XRow(t, b), input);
                    var ht = data.H.Slice(s.StateRow(d, b), hidden);

                    for (int j = 0; j < 2 * hidden; j++)
                    {
                        T sum = Dot(x, w.Slice(j * input, input)) + Dot<T>(ht, r.Slice(j * hidden, hidden));
                        if (!wb.IsEmpty) sum += wb[j] + rb[j];
                        gates[j] = f.Apply(ClipValue(sum));
                    }
                    for (int k = 0; k < hidden; k++)
                    {
                        T xh = Dot(x, w.Slice((2 * hidden + k) * input, input));
                        if (!wb.IsEmpty) xh += wb[2 * hidden + k];
                        gates[2 * hidden + k] = xh;
                        if (_linearBeforeReset)
                        {
                            T hh = Dot<T>(ht, rh.Slice(k * hidden, hidden));
                            if (!rb.IsEmpty) hh += rb[2 * hidden + k];
                            gates[3 * hidden + k] = hh;
                        }
                        reset[k] = gates[hidden + k] * ht[k];
                    }
                    for (int k = 0; k < hidden; k++)
                    {
                        T pre;
                        if (_linearBeforeReset)
                        {
                            pre = gates[2 * hidden + k] + gates[hidden + k] * gates[3 * hidden + k];
                        }
                        else
                        {
                            pre = gates[2 * hidden + k] + Dot<T>(reset, rh.Slice(k * hidden, hidden));
                            if (!rb.IsEmpty) pre += rb[2 * hidden + k];
                        }
                        T candidate = g.Apply(ClipValue(pre));
                        T z = gates[k];
                        ht[k] = (T.One - z) * candidate + z * ht[k];
                    }
                    if (!data.Y.IsEmpty) ht.CopyTo(data.Y.Slice(s.YRow(t, d, b), hidden));
                }
            }
        }
    }
}
