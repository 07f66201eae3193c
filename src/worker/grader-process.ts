// Entry point of a grading process (forked by create-grader-pool.ts): the real graders, served
// over the IPC channel. Candidate-driven code runs here, never in the worker that holds the leases.
import { gradeAnswer } from '@/grading/grade-answer';
import { serveGrader } from './serve-grader';

serveGrader((request) => gradeAnswer(request));
