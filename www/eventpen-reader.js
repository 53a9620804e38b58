// EventPen's file reader: a worker of the app's worker (src/worker/reader.rs) that reads a
// File's chunks on a thread of its own. Read by the converting worker itself, a Blob's bytes
// arrive only while that thread waits (a tenth of a 100 MB load); read here, they are ready
// when the converter asks. Each chunk's ArrayBuffer is transferred, not copied.
//
// Messages in:  {job, blob, chunks: [[start, end], …], ahead} starts a job;
//               {job, more: n} lets it read n more chunks ahead (one per chunk taken);
//               {job, stop: true} ends it.
// Messages out: {job, index, buffer} per chunk, in order; {job, index, error} when a read fails.
const jobs = new Map();

self.onmessage = ({ data }) => {
  if (data.blob) {
    jobs.set(data.job, { blob: data.blob, chunks: data.chunks, next: 0, credit: data.ahead, busy: false });
  } else if (data.stop) {
    jobs.delete(data.job);
  } else if (jobs.has(data.job)) {
    jobs.get(data.job).credit += data.more;
  }
  pump(data.job);
};

/** Reads job `id`'s next chunks while it has credit, one read at a time, in order. */
async function pump(id) {
  const job = jobs.get(id);
  if (!job || job.busy) return;
  job.busy = true;
  while (jobs.get(id) === job && job.credit > 0 && job.next < job.chunks.length) {
    const index = job.next++;
    job.credit -= 1;
    const [start, end] = job.chunks[index];
    try {
      const buffer = await job.blob.slice(start, end).arrayBuffer();
      if (jobs.get(id) !== job) break;
      self.postMessage({ job: id, index, buffer }, [buffer]);
    } catch (error) {
      self.postMessage({ job: id, index, error: String(error) });
      jobs.delete(id);
      break;
    }
  }
  job.busy = false;
  if (job.next >= job.chunks.length) jobs.delete(id);
}
