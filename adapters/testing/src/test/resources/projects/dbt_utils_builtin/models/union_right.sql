{{ typed_rows([('id', 'i'), ('side_r', 's')], [(2, "'r'")]) }}
