export default function ApplicationGraph({ appIndex }: { appIndex: number }) {
  return <p className="muted">Graph of application {appIndex + 1}</p>;
}
