import { Button, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: tokens.spacingVerticalXS,
  },
  address: { minWidth: '72px', fontFamily: tokens.fontFamilyMonospace },
  input: { flexGrow: 1 },
});

/** The formula bar: the selected cell's address and content; Enter writes what was typed. */
export function FormulaBar({
  address,
  content,
  onCommit,
}: {
  address: string | null;
  content: string;
  onCommit(text: string): void;
}) {
  const styles = useStyles();
  const [text, setText] = useState(content);
  useEffect(() => setText(content), [content, address]);
  return (
    <div className={styles.bar}>
      <Text className={styles.address} aria-label="单元格地址">
        {address ?? '—'}
      </Text>
      <Input
        className={styles.input}
        aria-label="编辑栏"
        disabled={!address}
        value={text}
        onChange={(_, d) => setText(d.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit(text);
        }}
      />
      <Button size="small" disabled={!address} onClick={() => onCommit(text)}>
        输入
      </Button>
    </div>
  );
}
