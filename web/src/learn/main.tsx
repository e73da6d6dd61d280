// 网络学习: the trainee's phone (or computer) page for online lessons (/learn, /learn/<lessonId>;
// docs/online-learning.md). Its own small entry, without antd, like the QR sign-in page. The page
// sends a heartbeat every `beatSeconds` only while the lesson is on screen and playing (a video) or
// on screen with the trainee active in the last few minutes (a document); it stops the viewing when
// the video pauses or the page is hidden. The server decides what counts, on its own clock; a check
// question it sends pauses the video until answered right.
import type { TSession } from '../../../src/api/routes/auth.types.ts';
import { StrictMode, useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ApiError } from '../api.ts';
import { deviceId, PhoneLogin } from '../phone/phone-kit.tsx';
import type { Me } from '../types.ts';
import type { TAnswerOnlineCheckResult, TMyOnlineLessons, TViewingState } from '../../../src/api/routes/online.types.ts';

type Lesson = TMyOnlineLessons['items'][number];
type Viewing = TViewingState;

/** A document counts only while the trainee was active (touch, scroll, key) in the last 5 minutes. */
const IDLE_MS = 5 * 60_000;

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const box: CSSProperties = { maxWidth: 720, margin: '0 auto', padding: '16px', fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' };
const button: CSSProperties = {
  width: '100%',
  fontSize: 18,
  padding: '14px',
  border: 0,
  borderRadius: 8,
  background: '#1d4ed8',
  color: '#fff',
};
const card: CSSProperties = { border: '1px solid #e2e8f0', borderRadius: 10, padding: 14, margin: '12px 0' };

function LessonList() {
  const [lessons, setLessons] = useState<Lesson[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<TMyOnlineLessons>('/my/online-lessons').then(
      (r) => setLessons(r.items),
      (e) => setError(message(e)),
    );
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!lessons) return <p>正在加载…</p>;
  if (lessons.length === 0) return <p>您所在的培训班还没有发布网络课程。</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0 }}>
      {lessons.map((l) => (
        <li key={l.id} style={card}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{l.title}</div>
          <div style={{ color: '#475569', margin: '4px 0 10px' }}>
            培训班 {l.classNumber} · {l.kind === 'video' ? '视频' : '文档'} · 已学 {clock(l.countedSeconds ?? 0)} /{' '}
            {clock(l.durationSeconds)}
          </div>
          <a
            href={`/learn/${l.id}`}
            style={{ ...button, display: 'block', textAlign: 'center', textDecoration: 'none', boxSizing: 'border-box' }}
          >
            {(l.countedSeconds ?? 0) >= l.durationSeconds ? '复习' : '学习'}「{l.title}」
          </a>
        </li>
      ))}
    </ul>
  );
}

function Study({ lessonId }: { lessonId: number }) {
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [state, setState] = useState<Viewing | null>(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const [choice, setChoice] = useState<number | null>(null);
  const viewing = useRef<number | null>(null);
  const starting = useRef<Promise<void> | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const lastActive = useRef(Date.now());
  // While a check question waits, the video is paused but the viewing stays open (beats keep it
  // alive and count nothing) so the answer can be given.
  const checking = useRef(false);

  useEffect(() => {
    api<TMyOnlineLessons>('/my/online-lessons').then(
      (r) => {
        const l = r.items.find((x) => x.id === lessonId);
        if (l) setLesson(l);
        else setError('没有找到这一课，或您不在该班花名册中');
      },
      (e) => setError(message(e)),
    );
  }, [lessonId]);

  const show = (v: Viewing) => {
    checking.current = v.state === 'check';
    setState(v);
    if (v.state === 'check') video.current?.pause();
  };
  const start = useCallback(() => {
    if (viewing.current !== null || starting.current) return;
    starting.current = api<Viewing>(`/online-lessons/${lessonId}/viewings`, { method: 'POST', body: { deviceId: deviceId() } })
      .then((v) => {
        viewing.current = v.viewingId;
        show(v);
        setError('');
      })
      .catch((e) => {
        setError(message(e));
        video.current?.pause();
      })
      .finally(() => {
        starting.current = null;
      });
  }, [lessonId]);
  const stop = useCallback(() => {
    const id = viewing.current;
    if (id === null) return;
    viewing.current = null;
    // keepalive: the request still goes out when the page is being closed.
    void fetch(`/api/v1/online-viewings/${id}/stop`, { method: 'POST', credentials: 'same-origin', keepalive: true })
      .then((r) => (r.ok ? r.json() : null))
      .then((v: Viewing | null) => v && setState((s) => (s ? { ...s, countedSeconds: v.countedSeconds } : s)))
      .catch(() => undefined);
  }, []);

  /** The lesson is in front of the trainee now: a playing video, or a document read recently, on a visible page. */
  const studying = useCallback(() => {
    if (document.visibilityState !== 'visible' || !lesson) return false;
    if (lesson.kind === 'video') return !!video.current && !video.current.paused && !video.current.ended;
    return Date.now() - lastActive.current < IDLE_MS;
  }, [lesson]);

  useEffect(() => {
    if (!lesson) return;
    if (lesson.kind === 'document') start();
    const active = () => {
      lastActive.current = Date.now();
      if (lesson.kind === 'document' && viewing.current === null && document.visibilityState === 'visible') start();
    };
    const visibility = () => {
      if (document.visibilityState !== 'visible') stop();
      else if (lesson.kind === 'document') active();
    };
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, active, { passive: true }));
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', stop);
    const beatMs = (state?.beatSeconds ?? 15) * 1000;
    const timer = window.setInterval(() => {
      const id = viewing.current;
      if (id === null) return;
      if (!studying() && !(checking.current && document.visibilityState === 'visible')) {
        stop();
        if (lesson.kind === 'document') setNote('较长时间没有操作，已暂停计时；点按页面任意处继续');
        return;
      }
      api<Viewing>(`/online-viewings/${id}/beat`, { method: 'POST' }).then(
        (v) => {
          if (v.state === 'closed') viewing.current = null;
          show(v);
        },
        (e) => setError(message(e)),
      );
    }, beatMs);
    return () => {
      window.clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, active));
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', stop);
    };
  }, [lesson, start, stop, studying, state?.beatSeconds]);

  const answer = async () => {
    if (!state?.question || choice === null || viewing.current === null) return;
    try {
      const r = await api<TAnswerOnlineCheckResult>(`/online-viewings/${viewing.current}/answer`, {
        method: 'POST',
        body: { questionId: state.question.id, choice },
      });
      setChoice(null);
      show(r);
      setNote(r.message);
    } catch (e) {
      setError(message(e));
    }
  };

  if (error && !lesson) return <p role="alert">{error}</p>;
  if (!lesson) return <p>正在加载…</p>;
  const content = `/api/v1/online-lessons/${lesson.id}/content`;
  const counted = state?.countedSeconds ?? lesson.countedSeconds ?? 0;
  return (
    <section>
      <h2 style={{ fontSize: 20, margin: '8px 0' }}>{lesson.title}</h2>
      <p role="status" aria-label="已计学习时间" style={{ fontSize: 17, background: '#eff6ff', borderRadius: 8, padding: '10px 12px' }}>
        已计学习时间 <strong>{clock(counted)}</strong> / {clock(lesson.durationSeconds)}
        {state && state.state !== 'closed' ? ` · ${state.message}` : ''}
      </p>
      {lesson.kind === 'video' ? (
        <video
          ref={video}
          src={content}
          controls
          playsInline
          preload="metadata"
          style={{ width: '100%', background: '#000', borderRadius: 8 }}
          onPlay={() => {
            if (checking.current) video.current?.pause();
            else start();
          }}
          onPause={() => {
            if (!checking.current) stop();
          }}
          onEnded={stop}
        />
      ) : (
        <iframe
          title={lesson.title}
          src={content}
          style={{ width: '100%', height: '70vh', border: '1px solid #e2e8f0', borderRadius: 8 }}
        />
      )}
      {state?.question && (
        <div role="dialog" aria-label="检查题" style={{ ...card, background: '#fffbeb', borderColor: '#f59e0b' }}>
          <p style={{ fontWeight: 600 }}>检查题：{state.question.prompt}</p>
          {state.question.options.map((o, i) => (
            <label key={i} style={{ display: 'block', padding: '10px 4px', fontSize: 17 }}>
              <input type="radio" name="check" checked={choice === i} onChange={() => setChoice(i)} /> {o}
            </label>
          ))}
          <button style={button} type="button" disabled={choice === null} onClick={answer}>
            提交答案
          </button>
        </div>
      )}
      {note && <p style={{ color: '#334155' }}>{note}</p>}
      {error && (
        <p role="alert" style={{ color: '#b91c1c' }}>
          {error}
        </p>
      )}
      <p>
        <a href="/learn">返回课程列表</a>
      </p>
    </section>
  );
}

function LearnPage() {
  const lessonId = Number(/^\/learn\/(\d+)/.exec(window.location.pathname)?.[1] ?? NaN);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<TSession>('/auth/session').then(
      (r) => setMe(r.user),
      () => setMe(null),
    );
  }, []);
  return (
    <main style={box}>
      <h1 style={{ fontSize: 22 }}>网络学习</h1>
      {me === undefined && <p>正在确认登录状态…</p>}
      {me === null && <PhoneLogin<Me> why="请用本人的学员账号登录后学习。" onDone={setMe} />}
      {me && me.role !== 'trainee' && <p role="alert">当前登录的不是学员账号（{me.displayName}），请退出后用本人的学员账号登录。</p>}
      {me?.role === 'trainee' && (Number.isInteger(lessonId) ? <Study lessonId={lessonId} /> : <LessonList />)}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LearnPage />
  </StrictMode>,
);
