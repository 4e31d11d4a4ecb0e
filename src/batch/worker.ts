// The worker thread's entry: piscina calls the default export once per job.
import { renderJob, type JobRequest } from './render-job.js';

export default function run(request: JobRequest) {
  return renderJob(request);
}
