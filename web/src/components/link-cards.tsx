import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export interface LinkCard {
  to: string;
  title: string;
  text: string;
}

/** A grid of pages to go to; the whole card is one link whose name is its heading. */
export function LinkCards({ cards }: { cards: LinkCard[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {cards.map((card) => (
        <li key={card.to}>
          <Card component={Link} to={card.to} withBorder padding="lg" h="100%">
            <Title order={3} size="h4" mb="xs">
              {card.title}
            </Title>
            <Text size="sm" c="dimmed">
              {card.text}
            </Text>
          </Card>
        </li>
      ))}
    </SimpleGrid>
  );
}
