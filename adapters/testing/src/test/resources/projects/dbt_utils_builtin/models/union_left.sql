{{ typed_rows([('id', 'i'), ('side_l', 's')], [(1, "'l'")]) }}
