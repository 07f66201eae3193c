// The fake tools the Bash world kit can put in a jail (answer-kit-call.ts answers them).
export const KIT_TOOLS = ['docker', 'systemctl', 'curl', 'kubectl', 'nginx', 'sleep'] as const;
export type KitTool = (typeof KIT_TOOLS)[number];
