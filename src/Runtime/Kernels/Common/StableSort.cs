namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Orders two items given by their integer ids.</summary>
public interface IIdComparer
{
    int Compare(int a, int b);
}

/// <summary>A stable merge sort of integer ids with a struct comparer: no delegate, no boxing, no
/// allocation (the caller passes the scratch span), so kernels may sort inside Execute.</summary>
public static class StableSort
{
    /// <summary>Sorts <paramref name="items"/>; <paramref name="scratch"/> must be at least as long.</summary>
    public static void Sort<TComparer>(Span<int> items, Span<int> scratch, ref TComparer comparer) where TComparer : struct, IIdComparer
    {
        int n = items.Length;
        // Short runs by insertion sort, then bottom-up merges.
        const int Run = 16;
        for (int start = 0; start < n; start += Run)
        {
            int end = Math.Min(start + Run, n);
            for (int i = start + 1; i < end; i++)
            {
                int v = items[i];
                int j = i - 1;
                while (j >= start && comparer.Compare(items[j], v) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = v;
            }
        }
        var src = items;
        var dst = scratch[..n];
        for (int width = Run; width < n; width *= 2)
        {
            for (int lo = 0; lo < n; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, n), hi = Math.Min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) dst[k++] = comparer.Compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                while (i < mid) dst[k++] = src[i++];
                while (j < hi) dst[k++] = src[j++];
            }
            var t = src;
            src = dst;
            dst = t;
        }
        if (src != items) src.CopyTo(items);
    }
}
